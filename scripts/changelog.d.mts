export declare function sectionOf(text: string, version: string): string | undefined;
export declare function release(text: string, version: string, date: string): string;
