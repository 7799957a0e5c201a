// The parsed model every static rule reads. Built once per Dockerfile by parse.ts.
import type { Deployment } from './deployment.js';
import type { Instruction } from 'dockerfile-ast';

/** 1-based, inclusive line range; columns are 1-based, endColumn exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Heredoc {
  name: string;
  /** Content between the opening line and the delimiter, lines joined by \n. */
  content: string;
  /** 1-based Dockerfile line of the first content line. */
  contentLine: number;
}

export interface Instr {
  /** Upper-case keyword: FROM, RUN, CMD… (unknown ones as written, upper-cased). */
  keyword: string;
  stage: number;
  range: SourceRange;
  /** Shell words as Docker splits them (comment lines inside continuations removed, flags excluded). */
  args: string[];
  /**
   * The argument text after the flags, with continuations joined and comment lines inside
   * continuations removed — what Docker hands to the shell or the JSON parser.
   */
  text: string;
  /** `--name=value` flags (`--chmod`, `--from`, `--platform`…), lower-case name -> value (null: bare flag). */
  flags: Map<string, string | null>;
  /** Parsed exec form (a valid JSON array of strings), else undefined. */
  exec?: string[];
  /** The text starts with `[`: the author meant exec form (valid or not). */
  jsonLike: boolean;
  heredocs: Heredoc[];
  node: Instruction;
}

export type BaseFamily =
  | 'alpine'
  | 'busybox'
  | 'debian'
  | 'ubuntu'
  | 'rhel'
  | 'distroless'
  | 'scratch'
  | 'wolfi'
  | 'windows'
  | 'unknown';

export interface BaseImage {
  /** The FROM reference with build args resolved (`node:20-alpine`, `gcr.io/distroless/static:nonroot`). */
  ref: string;
  /** Repository path without registry and tag (`node`, `distroless/static`, `library/alpine` -> `alpine`). */
  name: string;
  tag?: string;
  family: BaseFamily;
  /** Plain OS image (alpine, debian, ubuntu, busybox…) that brings no start command of its own worth keeping. */
  plainOs: boolean;
  /** distroless/chainguard `:debug` variants carry a BusyBox shell. */
  debugVariant: boolean;
  /** `FROM scratch`. */
  scratch: boolean;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as Docker does. */
  name?: string;
  from: Instr;
  /** The raw image text of FROM (before ARG expansion). */
  fromText: string;
  /** Index of the earlier stage this one is built FROM, if any. */
  parent?: number;
  /** The external image at the root of this stage's ancestry. */
  base: BaseImage;
  /** The `--platform` flag of FROM, as written. */
  platform?: string;
  /** Instructions after FROM, up to the next FROM. */
  instructions: Instr[];
  /** Windows stage (windows/servercore, nanoserver base, or a powershell/cmd SHELL): no Unix rules. */
  windows: boolean;
}

export type StartForm = 'exec' | 'shell';

/** Where a deployed start command is written: the manifest's file and line, and the field. */
export interface StartOrigin {
  kind: Deployment['kind'];
  file: string;
  line: number;
  /** The field as the manifest names it: `command`, `args`, `entrypoint`, `entryPoint`. */
  field: string;
  /** The service or container, and its Kubernetes workload (`Deployment/api`). */
  name: string;
  workload?: string;
  /** The deployment runs from a developer's checkout (Deployment.devSetup): why. */
  devSetup?: string;
}

export interface StartPart {
  /**
   * The instruction that wrote it. For a deployed start command (`origin` set), a stand-in
   * whose keyword is the manifest's field (`command:`), text the words as a list, range the
   * manifest line: messages and fixes read the same for both.
   */
  instr: Instr;
  /** Set when a deployment wrote it, not the Dockerfile. */
  origin?: StartOrigin;
  form: StartForm;
  /** exec form: the array; shell form: the effective SHELL followed by the command text. */
  argv: string[];
  /** shell form: the command text handed to the shell. */
  command?: string;
}

/** The final image's start contract, inherited across `FROM <stage>`. */
export interface StartContract {
  entrypoint?: StartPart;
  /** The CMD still in effect (an ENTRYPOINT in a later stage resets an inherited CMD). */
  cmd?: StartPart;
  /** A CMD that the final stage's ENTRYPOINT reset (inherited from an earlier stage). */
  resetCmd?: StartPart;
  /** Effective argv: ENTRYPOINT + CMD (CMD dropped after a shell-form ENTRYPOINT). Empty when none. */
  argv: string[];
  /** Which instruction set argv[0]. */
  executableFrom?: StartPart;
  stopSignal?: { value: string; instr: Instr };
  /** Effective WORKDIR (absolute, as far as it can be known) and whether any stage in the chain set one. */
  workdir?: { value: string; instr: Instr };
  user?: { value: string; instr: Instr };
  /** ENV PATH as set in the chain (split on ':'), undefined when only the base image's is known. */
  path?: string[];
  /** The effective SHELL for shell-form instructions of the final stage. */
  shell: string[];
}

export interface FileMode {
  executable: boolean | 'unknown';
  /** Where the mode was learnt: a `--chmod`, a later `RUN chmod`, git's index, the file system, a heredoc (0644). */
  source: 'chmod-flag' | 'run-chmod' | 'git-index' | 'filesystem' | 'heredoc' | 'unknown';
}

export interface WrapperScript {
  /** Absolute path inside the image. */
  imagePath: string;
  /** Display path (relative to cwd) of the file findings point at; the Dockerfile for a COPY heredoc. */
  file: string;
  /** Absolute path on disk, when the script is a file of the build context. */
  absPath?: string;
  /** Raw text (CRLF and BOM kept). */
  text: string;
  /** Added to a script line number to get the line in `file` (non-zero for COPY heredocs). */
  lineOffset: number;
  /** `start`: the start command executes it; `sourced`: a start script sources it. */
  role: 'start' | 'sourced';
  /**
   * Set when the start command hands the script to an interpreter itself (`["/bin/sh",
   * "/entrypoint.sh"]`, `bash -c "bash /x.sh"`): the kernel never reads its shebang and it
   * needs no execute bit. Absent when the script is executed directly (or sourced).
   */
  interpreter?: string;
  mode: FileMode;
  /** The COPY/ADD that put it into the image (for a bind-mounted script: its `volumes:` entry, at the manifest's line). */
  copy: Instr;
  /**
   * A Compose bind mount puts it there over the image's file (`./entrypoint.sh:/entrypoint.sh`):
   * the manifest and line of the mount. Its mode is the host file's, unknown here.
   */
  mount?: { file: string; line: number };
  /**
   * Does a command the script runs stay in the foreground because its config file in the image
   * says so (supervisord with `nodaemon=true` in the build context's supervisord.conf)?
   */
  foregroundByConfig?: (words: string[]) => boolean;
}

/** The final image as the build context makes it: its files and its ENV. */
export interface ImageFiles {
  /** A file's text; undefined when the build does not put it there, 'opaque' when it comes from somewhere that cannot be read. */
  file(imagePath: string): string | 'opaque' | undefined;
  /** The final stage's ENV (and ARG) values; undefined when not known. */
  env: Record<string, string | undefined>;
  /** The final WORKDIR. */
  workdir: string;
}

export type ChainLinkKind = 'init' | 'privdrop' | 'passthrough' | 'shell' | 'script' | 'program';

/**
 * One link of the start chain: init -> privilege drop -> shell -> wrapper script(s) -> program.
 * Each link is a process image the container runs, in order; a link that does not replace
 * itself with the next one (`replaced: false`) stays as its parent.
 */
export interface ChainLink {
  kind: ChainLinkKind;
  /** The program word as written (`/sbin/tini`, `sh`, `docker-entrypoint.sh`, `$APP_BIN`). */
  word: string;
  /** Canonical name: `tini` for `tini-static-amd64`, the base name otherwise. */
  name: string;
  /** The link's own words: the program, its options and operands, up to the next link. */
  argv: string[];
  /** The ENTRYPOINT or CMD that wrote the program word: the link's source line. */
  part: StartPart;
  /** Index of the program word in model.start.argv; undefined when read out of a shell string. */
  index?: number;
  /** init: signals its child's whole process group (dumb-init by default, `tini -g`). */
  groupSignals?: boolean;
  /** shell: the command string it runs (`sh -c '…'`, a shell form). */
  command?: string;
  /** shell: what /bin/sh (or the named shell) really is on the final base. */
  shellKind?: ShellKind;
  /** shell: it replaces itself with the next link (an explicit `exec`, or a shell that execs a last simple command). */
  replaced?: boolean;
  /** privdrop: su/sudo/runuser stay as the program's parent. */
  staysParent?: boolean;
  /** script: the wrapper script, when its text could be read from the build context. */
  wrapper?: WrapperScript;
  /** script: handed to a shell on its command line (`["sh", "entrypoint.sh"]`), not run through `#!`. */
  interpreter?: string;
  /** script: it execs its arguments (`exec "$@"`), so the chain goes on with them. */
  forwards?: boolean;
  /**
   * script: started as the image is (`docker run IMAGE`, its CMD as arguments), every path
   * through it ends without starting a program: the container exits when it finishes.
   */
  runsNothing?: boolean;
  /** script: the words it is started with as the image starts it (after it in ENTRYPOINT + CMD). */
  runArgs?: string[];
  /**
   * script: started as the image is, it ends by running this program as its own child (no
   * `exec`): the app runs, under the script's shell.
   */
  child?: { words: string[]; origin: { file: string; line: number; script: WrapperScript } };
  /**
   * script: the programs it starts on its other paths, as the image starts it (`if [ "$DEBUG" = 1 ];
   * then exec runserver; else exec gunicorn …; fi`): what a condition the image cannot see picks
   * instead of the program the chain follows (its program word literal; `?` for an unknown word).
   */
  otherPrograms?: { words: string[]; origin: { file: string; line: number; script: WrapperScript } }[];
  /** Written inside a script the chain runs (`exec gosu app node server.js`): the script's file and line. */
  origin?: { file: string; line: number; script: WrapperScript };
}

export type ShellKind = 'dash' | 'ash' | 'bash' | 'none' | 'unknown';

export interface StartChain {
  links: ChainLink[];
  /** The program the chain ends in (the would-be main process): its last link, unless that is an init or dropper with no program. */
  program?: ChainLink;
}

export interface DockerfileModel {
  /** Display path, relative to the working directory. */
  file: string;
  absPath: string;
  /** Build context directory (absolute). */
  contextDir: string;
  text: string;
  /** Lines without their terminators. */
  lines: string[];
  escapeChar: string;
  instructions: Instr[];
  stages: Stage[];
  finalStage: Stage;
  /** The final stage's ancestry through `FROM <stage>`, root first, final stage last. */
  chain: Stage[];
  start: StartContract;
  /** The final image's base. */
  base: BaseImage;
  windows: boolean;
  /** Build args given on the command line (`--build-arg`). */
  buildArgs: Record<string, string>;
  /** Scripts the start command runs (and what they source), resolved through COPY/ADD. */
  wrappers: WrapperScript[];
  /** What the start command runs, link by link (empty for Windows images or without a start command). */
  startChain: StartChain;
  /** The deployments (compose services, Kubernetes and ECS containers) matched to this Dockerfile; [] when none. */
  deployments: Deployment[];
  /** The final image's files (read through the COPY/ADD that put them there) and ENV, for programs' config files; absent without a start command. */
  image?: ImageFiles;
  /** Texts that `--fix-dry-run` changed but did not write, by absolute path: read instead of the file on disk. */
  edited?: ReadonlyMap<string, string>;
}
