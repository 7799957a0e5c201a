#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code2, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code2)) {
          result.code = code2;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean2(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean2;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange2, name, nameRange, contentRange, endRange) {
        this.startRange = startRange2;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange2 = arg.getRange();
            const nameRange = this.getNameRange(startRange2);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange2) {
        const content = this.document.getText(startRange2);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange2.end, startRange2.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange2.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange2.start) + end) : startRange2.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange2 = arg.getRange();
                const nameRange = this.getNameRange(startRange2);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange2, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange2 = arg.getRange();
          const nameRange = this.getNameRange(startRange2);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange2, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange3 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange3);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange3, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path29 = this.getPath();
        if (path29 === null || path29.startsWith("/")) {
          return path29;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path29 : parent + "/" + path29;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser2 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange2, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange2, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange2 = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange2, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange2 = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange2, instruction, instructionRange);
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse2(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse2;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path29) {
      const ctrl = callVisitor(key, node, visitor, path29);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path29, ctrl);
        return visit_(key, ctrl, visitor, path29);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path29 = Object.freeze(path29.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path29);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path29 = Object.freeze(path29.concat(node));
          const ck = visit_("key", node.key, visitor, path29);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path29);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path29) {
      const ctrl = await callVisitor(key, node, visitor, path29);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path29, ctrl);
        return visitAsync_(key, ctrl, visitor, path29);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path29 = Object.freeze(path29.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path29);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path29 = Object.freeze(path29.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path29);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path29);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path29) {
      if (typeof visitor === "function")
        return visitor(key, node, path29);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path29);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path29);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path29);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path29);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path29);
      return void 0;
    }
    function replaceNode(key, path29, node) {
      const parent = path29[path29.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path29, value) {
      let v = value;
      for (let i = path29.length - 1; i >= 0; --i) {
        const k = path29[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path29) => path29 == null || typeof path29 === "object" && !!path29[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path29, value) {
        if (isEmptyPath(path29))
          this.add(value);
        else {
          const [key, ...rest] = path29;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path29) {
        const [key, ...rest] = path29;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path29, keepScalar) {
        const [key, ...rest] = path29;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path29) {
        const [key, ...rest] = path29;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path29, value) {
        const [key, ...rest] = path29;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path29, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path29, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path29) {
        if (Collection.isEmptyPath(path29)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path29) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path29, keepScalar) {
        if (Collection.isEmptyPath(path29))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path29, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path29) {
        if (Collection.isEmptyPath(path29))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path29) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path29, value) {
        if (Collection.isEmptyPath(path29)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path29), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path29, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens2, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens2) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens2[tokens2.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value);
      }
      scalar2.range = range;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens2, forceDoc = false, endOffset = -1) {
        for (const token of tokens2)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path29) => {
      let item = cst;
      for (const [field, index] of path29) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path29) => {
      const parent = visit.itemAtPath(cst, path29.slice(0, -1));
      const field = path29[path29.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path29, item, visitor) {
      let ctrl = visitor(item, path29);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path29.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path29);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path29) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser2 = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar2.end) {
            sep = scalar2.end;
            sep.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs22 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs22, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs22);
              } else {
                Object.assign(it, { key: fs22, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs22 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs22, sep: [] });
              else if (it.sep)
                this.stack.push(fs22);
              else
                Object.assign(it, { key: fs22, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser2();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser2();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/cli.ts
import fs21 from "node:fs";
import path28 from "node:path";

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/errors.ts
var InputError = class extends Error {
  name = "InputError";
};
function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

// src/options.ts
var FILTER_MODES = ["added", "diff_context", "file", "nofilter"];
var DEFAULT_PLATFORMS = ["linux/amd64", "linux/arm64"];
function defaultOptions(cwd = process.cwd()) {
  return {
    dockerfile: "Dockerfile",
    static: false,
    platforms: [...DEFAULT_PLATFORMS],
    buildArgs: {},
    gracePeriod: 10,
    // An upper bound: the probe signals as soon as the container is ready (src/runtime/readiness.ts).
    startupWait: 60,
    probeEnv: {},
    probeNetwork: "none",
    ignore: /* @__PURE__ */ new Set(),
    failOn: "error",
    filterMode: "nofilter",
    format: "text",
    cwd,
    cacheFrom: [],
    cacheTo: [],
    secrets: [],
    buildContexts: [],
    ssh: [],
    progress: "auto"
  };
}
function parseFailOn(value) {
  const v = value.trim().toLowerCase();
  if (v === "error" || v === "warning" || v === "info" || v === "never") return v;
  throw new InputError(`fail-on must be one of error, warning, info, never (got ${JSON.stringify(value)})`);
}
function parseFilterMode(value) {
  const v = value.trim().toLowerCase();
  const mode = FILTER_MODES.find((m) => m === v);
  if (mode) return mode;
  throw new InputError(`filter-mode must be one of ${FILTER_MODES.join(", ")} (got ${JSON.stringify(value)})`);
}
function parseFormat(value) {
  const v = value.trim().toLowerCase();
  if (v === "text" || v === "json" || v === "sarif") return v;
  throw new InputError(`format must be one of text, json, sarif (got ${JSON.stringify(value)})`);
}
function parseSeconds(value, name) {
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InputError(`${name} must be a number of seconds between 0 and 3600 (got ${JSON.stringify(value)})`);
  return n;
}
var PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
function parsePlatforms(value) {
  const list2 = value.split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
  if (list2.length === 0) throw new InputError("platforms must name at least one platform, e.g. linux/amd64");
  for (const p of list2) {
    if (!PLATFORM.test(p)) throw new InputError(`platform ${JSON.stringify(p)} is not of the form os/arch[/variant], e.g. linux/arm64`);
  }
  return [...new Set(list2)];
}
function parseKeyValue(value, name) {
  const eq = value.indexOf("=");
  if (eq <= 0) throw new InputError(`${name} takes KEY=VALUE (got ${JSON.stringify(value)})`);
  const key = value.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) throw new InputError(`${name} key ${JSON.stringify(key)} is not a valid name`);
  return [key, value.slice(eq + 1)];
}
function parseRegex(value, name) {
  try {
    return new RegExp(value);
  } catch {
    throw new InputError(`${name} is not a valid regular expression: ${JSON.stringify(value)}`);
  }
}
function parseCommand(value, name) {
  const v = value.trim();
  if (v === "" || /[\r\n\0]/.test(v)) throw new InputError(`${name} must be one non-empty command line, e.g. ${name} 'test -f /tmp/ready'`);
  return v;
}
function parseIgnore(value) {
  return new Set(value.split(/[,\n\s]+/).map((s) => s.trim()).filter(Boolean));
}
var NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function parseNetwork(value) {
  const v = value.trim();
  if (!NETWORK.test(v)) throw new InputError(`probe-network ${JSON.stringify(value)} is not a docker network name`);
  return v;
}
function parseProgress(value) {
  const v = value.trim().toLowerCase();
  if (v === "auto" || v === "plain" || v === "quiet") return v;
  throw new InputError(`progress must be one of auto, plain, quiet (got ${JSON.stringify(value)})`);
}
var IMAGE_REF = /^[a-z0-9][a-z0-9._:/-]*(@sha256:[a-f0-9]{64})?$|^sha256:[a-f0-9]{64}$|^[a-f0-9]{12,64}$/i;
function parseImageRef(value, name) {
  const v = value.trim();
  if (!IMAGE_REF.test(v) || /\/\/|:$|\/$/.test(v)) throw new InputError(`${name} ${JSON.stringify(value)} is not an image reference (e.g. ghcr.io/org/app:1.2 or app:dev)`);
  return v;
}
function parseBuilderName(value, name) {
  const v = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)) throw new InputError(`${name} ${JSON.stringify(value)} is not a buildx builder name`);
  return v;
}
function parseBuildxSpec(value, name, needsEquals = true) {
  const v = value.trim();
  if (v === "" || v.startsWith("-") || needsEquals && !v.includes("=")) {
    const shown = name === "secret" || name === "secrets" || name === "--secret" ? "the given value" : JSON.stringify(value);
    throw new InputError(`${name} takes a buildx spec such as ${EXAMPLES[name.replace(/^--/, "")] ?? "key=value"} (got ${shown})`);
  }
  return v;
}
var EXAMPLES = {
  "cache-from": "type=local,src=DIR or type=gha",
  "cache-to": "type=local,dest=DIR or type=gha,mode=max",
  secret: "id=npmrc,src=.npmrc",
  secrets: "id=npmrc,src=.npmrc",
  "build-context": "name=path",
  "build-contexts": "name=path",
  ssh: "default"
};

// src/cli/args.ts
var USAGE = `Usage: entrypoint-guard [options] [DOCKERFILE]        DOCKERFILE defaults to ./Dockerfile

Lints a Dockerfile and the wrapper scripts it starts, then builds every platform with
buildx, smoke-runs each image and probes how it shuts down on its stop signal.

Options:
  --context DIR          build context (default: the Dockerfile's folder)
  --static               lint only: no build, no containers
  --platforms LIST       comma list (default linux/amd64,linux/arm64)
  --target STAGE         build target
  --build-arg K=V        repeatable
  --grace-period SEC     how long the shutdown probe waits after the stop signal (default 10)
  --startup-wait SEC     upper bound on waiting for readiness before the stop signal
                         (default 60, x3 on emulated platforms; readiness: HEALTHCHECK
                         healthy, a listening socket, or a quiet process tree)
  --ready-log REGEX      readiness is a log line matching REGEX (nothing else counts)
  --ready-cmd CMD        readiness is CMD exiting 0 in the container (docker exec, /bin/sh -c)
  --probe-env K=V        repeatable; env for the probe container (never the host's env)
  --probe-network MODE   docker network for smoke runs and the probe (default none)
  --ignore IDS           comma list of rule ids
  --fail-on LEVEL        error | warning | info | never (default error)
  --format FMT           text (default) | json | sarif
  --output FILE          write the report there instead of stdout
  --image REF            probe this built image (local tag or registry ref, resolved per
                         platform) instead of building; the Dockerfile, when given, is linted
  --builder NAME         buildx builder to build with (default: the current one)
  --cache-from SPEC      repeatable, passed to buildx (type=gha, type=registry,\u2026, type=local)
  --cache-to SPEC        repeatable, passed to buildx
  --secret SPEC          repeatable, buildx --secret (id=\u2026,src=\u2026 | id=\u2026,env=\u2026); never logged
  --build-context N=P    repeatable, buildx --build-context
  --ssh SPEC             repeatable, buildx --ssh
  --progress MODE        auto (default: redrawn status on a TTY, plain lines otherwise) |
                         plain | quiet; always on stderr
  --filter-mode MODE     nofilter (default) | added | diff_context | file: report and gate
                         only findings inside the diff given by --diff
  --diff FILE|-          unified diff (e.g. \`git diff origin/main\`) for --filter-mode
  --config FILE          config file (default: .entrypoint-guard.yml at the repository root
                         when present); precedence: flag > config > default
  --plan-platforms LIST  a matrix shard: every platform the plan gave this Dockerfile,
                         recorded in the JSON report so merge can tell a missing shard
  -h, --help             show this help
  -v, --version          show the version

Matrix (see entrypoint-guard plan --help, entrypoint-guard merge --help):
  entrypoint-guard plan [--platforms LIST] [--runner PLATFORM=LABEL]\u2026 [GLOB\u2026]
  entrypoint-guard merge [--format FMT] [--output FILE] [--fail-on LEVEL] REPORT.json\u2026

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input.`;
function parseCli(argv, cwd = process.cwd()) {
  let parsed2;
  try {
    parsed2 = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        context: { type: "string" },
        static: { type: "boolean" },
        platforms: { type: "string" },
        target: { type: "string" },
        "build-arg": { type: "string", multiple: true },
        "grace-period": { type: "string" },
        "startup-wait": { type: "string" },
        "ready-log": { type: "string" },
        "ready-cmd": { type: "string" },
        "probe-env": { type: "string", multiple: true },
        "probe-network": { type: "string" },
        ignore: { type: "string", multiple: true },
        "fail-on": { type: "string" },
        format: { type: "string" },
        output: { type: "string" },
        image: { type: "string" },
        builder: { type: "string" },
        "cache-from": { type: "string", multiple: true },
        "cache-to": { type: "string", multiple: true },
        secret: { type: "string", multiple: true },
        "build-context": { type: "string", multiple: true },
        ssh: { type: "string", multiple: true },
        progress: { type: "string" },
        "filter-mode": { type: "string" },
        diff: { type: "string" },
        config: { type: "string" },
        "plan-platforms": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" }
      }
    });
  } catch (err) {
    const text = err instanceof Error ? err.message.split("\n")[0].replace(/\. To specify.*$/, "").replace(/\.$/, "") : String(err);
    const ambiguous = /Option '(--[a-z-]+)[^']*' argument is ambiguous/.exec(text);
    if (ambiguous) throw new InputError(`${ambiguous[1]} needs a value (write ${ambiguous[1]}=VALUE for a value that starts with "-")`);
    throw new InputError(`${text}; see entrypoint-guard --help`);
  }
  const v = parsed2.values;
  if (v.help) return { kind: "help" };
  if (v.version) return { kind: "version" };
  if (parsed2.positionals.length > 1) {
    throw new InputError(`expected at most one DOCKERFILE, got ${parsed2.positionals.length}: ${parsed2.positionals.join(" ")}`);
  }
  const options = defaultOptions(cwd);
  const given = /* @__PURE__ */ new Set();
  const set = (key, value) => {
    options[key] = value;
    given.add(key);
  };
  if (parsed2.positionals[0] !== void 0) set("dockerfile", parsed2.positionals[0]);
  if (v.context !== void 0) set("context", v.context);
  if (v.static !== void 0) set("static", v.static);
  if (v.platforms !== void 0) {
    set("platforms", parsePlatforms(v.platforms));
    options.platformsExplicit = true;
  }
  if (v.target !== void 0) set("target", v.target);
  for (const kv of v["build-arg"] ?? []) {
    const [k, val] = parseKeyValue(kv, "--build-arg");
    options.buildArgs[k] = val;
    given.add("buildArgs");
  }
  if (v["grace-period"] !== void 0) set("gracePeriod", parseSeconds(v["grace-period"], "--grace-period"));
  if (v["startup-wait"] !== void 0) set("startupWait", parseSeconds(v["startup-wait"], "--startup-wait"));
  if (v["ready-log"] !== void 0) set("readyLog", parseRegex(v["ready-log"], "--ready-log"));
  if (v["ready-cmd"] !== void 0) set("readyCmd", parseCommand(v["ready-cmd"], "--ready-cmd"));
  for (const kv of v["probe-env"] ?? []) {
    const [k, val] = parseKeyValue(kv, "--probe-env");
    options.probeEnv[k] = val;
    given.add("probeEnv");
  }
  if (v["probe-network"] !== void 0) set("probeNetwork", parseNetwork(v["probe-network"]));
  for (const list2 of v.ignore ?? []) for (const id of parseIgnore(list2)) options.ignore.add(id);
  if (v["fail-on"] !== void 0) set("failOn", parseFailOn(v["fail-on"]));
  if (v["filter-mode"] !== void 0) set("filterMode", parseFilterMode(v["filter-mode"]));
  if (v.format !== void 0) set("format", parseFormat(v.format));
  if (v.output !== void 0) set("output", v.output);
  if (v.image !== void 0) set("image", parseImageRef(v.image, "--image"));
  if (v.builder !== void 0) set("builder", parseBuilderName(v.builder, "--builder"));
  const specs2 = (flag, key, values, needsEquals = true) => {
    for (const value of values ?? []) {
      options[key].push(parseBuildxSpec(value, flag, needsEquals));
      given.add(key);
    }
  };
  specs2("--cache-from", "cacheFrom", v["cache-from"]);
  specs2("--cache-to", "cacheTo", v["cache-to"]);
  specs2("--secret", "secrets", v.secret);
  specs2("--build-context", "buildContexts", v["build-context"]);
  specs2("--ssh", "ssh", v.ssh, false);
  if (v.progress !== void 0) set("progress", parseProgress(v.progress));
  const command = { kind: "run", options, given };
  if (v.config !== void 0) {
    if (v.config.trim() === "") throw new InputError("--config needs a file name");
    command.config = v.config;
  }
  if (v.diff !== void 0) {
    if (v.diff.trim() === "") throw new InputError("--diff needs a file name, or - for standard input");
    command.diff = v.diff;
  }
  if (v["plan-platforms"] !== void 0) command.planPlatforms = parsePlatforms(v["plan-platforms"]);
  return command;
}

// src/cli/matrix-args.ts
import { parseArgs as parseArgs2 } from "node:util";

// src/matrix/plan.ts
import { createHash } from "node:crypto";
import path9 from "node:path";

// src/github/glob.ts
import fs from "node:fs";
import path from "node:path";
var MAGIC = /[*?[{]/;
var NEVER_WALK = /* @__PURE__ */ new Set([".git", "node_modules"]);
var MAX_ENTRIES = 2e5;
function hasMagic(pattern) {
  return MAGIC.test(pattern);
}
function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function segmentSource(seg) {
  let out = "";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === "*") {
      while (seg[i + 1] === "*") i++;
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const close = seg.indexOf("]", i + 2);
      if (close === -1) {
        out += "\\[";
        continue;
      }
      let body = seg.slice(i + 1, close);
      let negate = false;
      if (body.startsWith("!") || body.startsWith("^")) {
        negate = true;
        body = body.slice(1);
      }
      out += `[${negate ? "^/" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = close;
    } else if (c === "{") {
      const close = seg.indexOf("}", i);
      if (close === -1) {
        out += "\\{";
        continue;
      }
      const alternatives = seg.slice(i + 1, close).split(",");
      out += `(?:${alternatives.map(segmentSource).join("|")})`;
      i = close;
    } else if (c === "\\" && i + 1 < seg.length) {
      out += escapeRegex(seg[++i]);
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}
function globToRegExp(pattern) {
  const segments = pattern.split("/").filter((s, i, all) => s !== "" || i === all.length - 1);
  let source = "";
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === "**") {
      source += last ? "(?:(?!\\.)[^/]+(?:/(?!\\.)[^/]+)*)?" : "(?:(?!\\.)[^/]+/)*";
      return;
    }
    const hidden = seg.startsWith(".") ? "" : "(?!\\.)";
    source += hidden + segmentSource(seg) + (last ? "" : "/");
  });
  return new RegExp(`^${source}$`);
}
function literalPrefix(pattern) {
  const segments = pattern.split("/");
  const i = segments.findIndex((s) => hasMagic(s));
  return { base: segments.slice(0, i).join("/"), rest: segments.slice(i).join("/") };
}
function walk(root, onFile, maxDepth) {
  let visited = 0;
  const visit = (dir, rel, depth) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++visited > MAX_ENTRIES) throw new InputError(`a dockerfile pattern walks more than ${MAX_ENTRIES} files; make it more specific (e.g. services/*/Dockerfile)`);
      const childRel = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!NEVER_WALK.has(e.name) && depth < maxDepth) visit(path.join(dir, e.name), childRel, depth + 1);
      } else if (e.isFile() || e.isSymbolicLink()) {
        onFile(childRel);
      }
    }
  };
  visit(root, "", 0);
}
function globFiles(pattern, cwd) {
  const normalized = pattern.replace(/\\(?![*?[\]{}\\])/g, "/").replace(/^\.\//, "");
  const { base, rest } = literalPrefix(normalized);
  const root = path.resolve(cwd, base === "" && normalized.startsWith("/") ? "/" : base);
  const re = globToRegExp(rest);
  const maxDepth = rest.split("/").includes("**") ? 64 : rest.split("/").length - 1;
  const found = [];
  walk(root, (rel) => {
    if (!re.test(rel)) return;
    const abs = path.join(root, rel);
    try {
      if (!fs.statSync(abs).isFile()) return;
    } catch {
      return;
    }
    found.push(base === "" ? rel : `${base.replace(/\/$/, "")}/${rel}`);
  }, maxDepth);
  return found;
}
function expandDockerfiles(spec, cwd) {
  const lines = spec.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  if (lines.length === 0) throw new InputError("dockerfile must name at least one Dockerfile path or glob");
  const result = [];
  for (const line of lines) {
    if (line.startsWith("!")) {
      const re = globToRegExp(line.slice(1).trim().replace(/^\.\//, ""));
      for (let i = result.length - 1; i >= 0; i--) if (re.test(result[i].replace(/^\.\//, ""))) result.splice(i, 1);
      continue;
    }
    if (!hasMagic(line)) {
      result.push(line);
      continue;
    }
    const matches = globFiles(line, cwd).sort();
    if (matches.length === 0) throw new InputError(`dockerfile pattern ${JSON.stringify(line)} matches no file under ${cwd}`);
    result.push(...matches);
  }
  const unique = [...new Set(result.map((p) => path.normalize(p).split(path.sep).join("/")))];
  if (unique.length === 0) throw new InputError("the dockerfile patterns exclude every file they match");
  return unique;
}

// src/input.ts
import fs2 from "node:fs";
var MAX_BYTES = 16 * 1024 * 1024;
function readUserText(absPath, display, what, limits = {}) {
  const maxBytes = limits.maxBytes ?? MAX_BYTES;
  let stat;
  try {
    stat = fs2.statSync(absPath);
  } catch {
    throw new InputError(`${what} ${display} does not exist`);
  }
  if (stat.isDirectory()) {
    const hint = what === "Dockerfile" ? ` (name the file, e.g. ${display === "." ? "" : `${display}/`}Dockerfile)` : "";
    throw new InputError(`${what} ${display} is a directory, not a file${hint}`);
  }
  if (!stat.isFile()) throw new InputError(`${what} ${display} is not a regular file`);
  if (stat.size > maxBytes) throw new InputError(`${what} ${display} is ${Math.round(stat.size / 1048576)} MB; files over ${Math.round(maxBytes / 1048576)} MB are not read`);
  let bytes;
  try {
    bytes = fs2.readFileSync(absPath);
  } catch (err) {
    throw new InputError(`${what} ${display} cannot be read (${err.code ?? "error"})`);
  }
  if (limits.allowEmpty && bytes.toString("latin1").trim() === "") return "";
  return decodeText(bytes, display, what);
}
function decodeText(bytes, display, what) {
  if (bytes.length === 0 || bytes.toString("latin1").trim() === "") throw new InputError(`${what} ${display} is empty`);
  if (bytes.includes(0)) throw new InputError(`${what} ${display} is a binary file (it contains NUL bytes)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${what} ${display} is not valid UTF-8 text`);
  }
}

// src/model/parse.ts
var import_dockerfile_ast = __toESM(require_main(), 1);

// src/model/base-image.ts
var PLAIN_OS = /* @__PURE__ */ new Set([
  "alpine",
  "debian",
  "ubuntu",
  "busybox",
  "centos",
  "fedora",
  "rockylinux",
  "almalinux",
  "oraclelinux",
  "amazonlinux",
  "archlinux",
  "opensuse/leap",
  "opensuse/tumbleweed",
  "photon",
  "clearlinux",
  "ubi8/ubi",
  "ubi8/ubi-minimal",
  "ubi9/ubi",
  "ubi9/ubi-minimal",
  "ubi8",
  "ubi9",
  "chainguard/wolfi-base",
  "chainguard/static",
  "wolfi-base",
  "distroless/static",
  "distroless/static-debian11",
  "distroless/static-debian12",
  "distroless/base",
  "distroless/base-debian11",
  "distroless/base-debian12",
  "distroless/base-nossl-debian12",
  "distroless/cc",
  "distroless/cc-debian11",
  "distroless/cc-debian12",
  "buildpack-deps"
]);
var RHEL_NAMES = /^(centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|amazoncorretto|(redhat\/)?ubi\d*(\/.*)?|ubi\d+.*|rhel\d*.*|(centos|fedora|rockylinux|almalinux)\/(centos|fedora|rockylinux|almalinux))$/;
var DEBIAN_CODENAMES = /(^|[-_.])(bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid|slim)([-_.]|$)/;
var UBUNTU_CODENAMES = /(^|[-_.])(noble|jammy|focal|bionic|xenial|oracular|plucky|questing)([-_.]|$)/;
var DEBIAN_DEFAULT = /* @__PURE__ */ new Set([
  "node",
  "python",
  "golang",
  "ruby",
  "php",
  "perl",
  "rust",
  "openjdk",
  "maven",
  "gradle",
  "nginx",
  "httpd",
  "postgres",
  "redis",
  "elixir",
  "erlang",
  "haskell",
  "julia",
  "r-base",
  "buildpack-deps",
  "memcached",
  "ghost",
  "wordpress",
  "drupal",
  "joomla",
  "nextcloud",
  "odoo",
  "python-alpine",
  "pypy",
  "clojure",
  "swift",
  "gcc",
  "bash",
  "rakudo-star",
  "debian",
  "django"
]);
var UBUNTU_DEFAULT = /* @__PURE__ */ new Set(["ubuntu", "eclipse-temurin", "rabbitmq", "mongo", "mariadb", "tomcat", "ibmjava", "sapmachine", "mono", "neo4j"]);
function splitImageRef(ref) {
  let rest = ref.trim();
  const at = rest.indexOf("@");
  if (at >= 0) rest = rest.slice(0, at);
  const parts = rest.split("/");
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  let last = parts.pop() ?? "";
  let tag;
  const colon = last.indexOf(":");
  if (colon >= 0) {
    tag = last.slice(colon + 1);
    last = last.slice(0, colon);
  }
  parts.push(last);
  let name = parts.join("/").toLowerCase();
  if (name.startsWith("library/")) name = name.slice("library/".length);
  return { name, tag: tag?.toLowerCase() };
}
function classifyImage(ref) {
  const { name, tag } = splitImageRef(ref);
  const t = tag ?? "";
  const last = name.split("/").pop() ?? name;
  const scratch = name === "scratch";
  let family2 = "unknown";
  let debugVariant2 = false;
  if (scratch) family2 = "scratch";
  else if (/(^|\/)(windows|servercore|nanoserver)(\/|$)/.test(name) || /windowsservercore|nanoserver|ltsc20\d\d/.test(t) || name.startsWith("windows/") || name.startsWith("powershell") && /windows|nanoserver/.test(t))
    family2 = "windows";
  else if (name.startsWith("distroless/") || name.includes("/distroless/")) {
    family2 = "distroless";
    debugVariant2 = /(^|-)debug(-|$)/.test(t);
  } else if (name.startsWith("chainguard/") || name === "wolfi-base" || name.startsWith("wolfi/")) {
    family2 = "wolfi";
    debugVariant2 = /(^|-)dev(-|$)/.test(t);
  } else if (last === "alpine" || /(^|[-_.])alpine/.test(t)) family2 = "alpine";
  else if (last === "busybox") family2 = "busybox";
  else if (last === "ubuntu" || UBUNTU_CODENAMES.test(t)) family2 = "ubuntu";
  else if (RHEL_NAMES.test(name)) family2 = "rhel";
  else if (last === "debian" || DEBIAN_CODENAMES.test(t)) family2 = "debian";
  else if (/(^|[-_.])(ubi\d*|centos\d*|rockylinux|oraclelinux\d*|al2\d*|amazonlinux\d*|fedora)/.test(t)) family2 = "rhel";
  else if (UBUNTU_DEFAULT.has(name)) family2 = "ubuntu";
  else if (DEBIAN_DEFAULT.has(name)) family2 = "debian";
  return {
    ref,
    name,
    tag,
    family: family2,
    plainOs: scratch || PLAIN_OS.has(name),
    debugVariant: debugVariant2,
    scratch
  };
}
function lacksShell(base) {
  return (base.family === "scratch" || base.family === "distroless") && !base.debugVariant;
}
function lacksBash(base) {
  return lacksShell(base) || base.family === "alpine" || base.family === "busybox" || base.family === "distroless" && base.debugVariant;
}

// src/model/instructions.ts
function toSourceRange(r) {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}
function joinContinuations(raw, escapeChar) {
  const lines = raw.split("\n");
  let out = "";
  let continuing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (i > 0 && continuing && (/^\s*#/.test(line) || line.trim() === "")) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(escapeChar) && !trimmed.endsWith(escapeChar + escapeChar)) {
      out += trimmed.slice(0, -escapeChar.length);
      continuing = true;
    } else {
      out += line;
      continuing = false;
      if (i < lines.length - 1) out += "\n";
    }
  }
  return out;
}
var FLAG = /^\s*--([A-Za-z][A-Za-z0-9-]*)(?:=("(?:[^"\\]|\\.)*"|\S*))?(?=\s|$)/;
function splitFlags(text) {
  const flags = /* @__PURE__ */ new Map();
  let rest = text;
  for (; ; ) {
    const m = FLAG.exec(rest);
    if (!m) break;
    let value = m[2] ?? null;
    if (value && value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    flags.set(m[1].toLowerCase(), value);
    rest = rest.slice(m[0].length);
  }
  return { flags, rest: rest.replace(/^\s+/, "") };
}
function parseExecForm(text) {
  const trimmed = text.trim();
  const jsonLike = trimmed.startsWith("[");
  if (!jsonLike) return { jsonLike };
  try {
    const value = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return { exec: value, jsonLike };
  } catch {
  }
  return { jsonLike };
}
function heredocsOf(node, lines) {
  const getter = node.getHeredocs;
  if (typeof getter !== "function") return [];
  let found;
  try {
    found = getter.call(node);
  } catch {
    return [];
  }
  const out = [];
  for (const h of found) {
    const r = h.getContentRange();
    if (!r) {
      out.push({ name: h.getName(), content: "", contentLine: 0 });
      continue;
    }
    const body = lines.slice(r.start.line, r.end.line + 1);
    out.push({ name: h.getName(), content: body.join("\n"), contentLine: r.start.line + 1 });
  }
  return out;
}
function toInstr(node, stage, lines, escapeChar) {
  const range = toSourceRange(node.getRange());
  const keyword = node.getKeyword().toUpperCase();
  const heredocs = heredocsOf(node, lines);
  const rawArgs = node.getRawArgumentsContent() ?? "";
  let argsSource = rawArgs;
  if (heredocs.length > 0) {
    const firstBody = rawArgs.indexOf("\n");
    if (firstBody >= 0) argsSource = rawArgs.slice(0, firstBody);
  }
  const { flags, rest } = splitFlags(joinContinuations(argsSource, escapeChar));
  const astFlags = node.getFlags;
  if (typeof astFlags === "function") {
    for (const f of astFlags.call(node)) {
      let value = f.getValue();
      if (value && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!flags.has(f.getName().toLowerCase())) flags.set(f.getName().toLowerCase(), value);
    }
  }
  let formText2 = rest;
  if (keyword === "HEALTHCHECK") formText2 = rest.replace(/^CMD\s+/i, "");
  const { exec, jsonLike } = ["CMD", "ENTRYPOINT", "SHELL", "HEALTHCHECK", "RUN"].includes(keyword) ? parseExecForm(formText2) : { exec: void 0, jsonLike: false };
  const args = node.getArguments().map((a) => a.getValue()).filter((a, i, all) => !(a.startsWith("--") && all.slice(0, i).every((p) => p.startsWith("--"))));
  return { keyword, stage, range, args, text: rest, flags, exec, jsonLike, heredocs, node };
}

// src/model/start-contract.ts
import path2 from "node:path";
var DEFAULT_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
var LINUX_SHELL = ["/bin/sh", "-c"];
var WINDOWS_SHELL = ["cmd", "/S", "/C"];
function startPart(instr, shell) {
  if (instr.exec) return { instr, form: "exec", argv: instr.exec };
  const command = instr.text;
  return { instr, form: "shell", argv: [...shell, command], command };
}
function envPathValue(instr, previous) {
  const props = instr.node.getProperties?.() ?? [];
  let result = previous;
  for (const p of props) {
    if (p.getName() !== "PATH") continue;
    const value = p.getValue() ?? "";
    const prior = (result ?? DEFAULT_PATH).join(":");
    const expanded = value.replace(/\$\{PATH\}|\$PATH\b/g, prior);
    result = expanded.split(":").filter((s) => s.length > 0);
  }
  return result;
}
function computeStartContract(chain, windows) {
  let shell = windows ? WINDOWS_SHELL : LINUX_SHELL;
  let entrypoint;
  let cmd;
  let resetCmd;
  let stopSignal;
  let workdir;
  let user;
  let envPath;
  for (const stage of chain) {
    let cmdSetInStage = false;
    for (const instr of stage.instructions) {
      switch (instr.keyword) {
        case "SHELL":
          if (instr.exec && instr.exec.length > 0) shell = instr.exec;
          break;
        case "ENTRYPOINT":
          entrypoint = startPart(instr, shell);
          if (!cmdSetInStage && cmd) {
            resetCmd = cmd;
            cmd = void 0;
          }
          break;
        case "CMD":
          cmd = startPart(instr, shell);
          cmdSetInStage = true;
          resetCmd = void 0;
          break;
        case "STOPSIGNAL":
          stopSignal = { value: instr.text.trim(), instr };
          break;
        case "WORKDIR": {
          const value = instr.text.trim();
          const resolved = value.startsWith("/") || /^\$/.test(value) || !workdir ? value : path2.posix.join(workdir.value, value);
          workdir = { value: resolved, instr };
          break;
        }
        case "USER":
          user = { value: instr.text.trim(), instr };
          break;
        case "ENV":
          envPath = envPathValue(instr, envPath);
          break;
      }
    }
  }
  let argv = [];
  let executableFrom;
  if (entrypoint) {
    argv = entrypoint.form === "shell" ? entrypoint.argv : [...entrypoint.argv, ...cmd?.argv ?? []];
    executableFrom = entrypoint.argv.length > 0 ? entrypoint : cmd;
  } else if (cmd) {
    argv = cmd.argv;
    executableFrom = cmd;
  }
  return { entrypoint, cmd, resetCmd, argv, executableFrom, stopSignal, workdir, user, path: envPath, shell };
}

// src/model/variables.ts
var VAR_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
var BARE_REF = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
function expandArgs(text, vars) {
  const expand = (whole, braced, op, word, bare) => {
    const name = braced ?? bare;
    const value = vars[name];
    if (op === ":-") return value ? value : word;
    if (op === "-") return value !== void 0 ? value : word;
    if (op === ":+") return value ? word : "";
    if (op === "+") return value !== void 0 ? word : "";
    return value !== void 0 ? value : whole;
  };
  const cut = text.lastIndexOf("}") + 1;
  return text.slice(0, cut).replace(VAR_REF, expand) + text.slice(cut).replace(BARE_REF, (whole, bare) => expand(whole, void 0, void 0, void 0, bare));
}
function argDefault(instr) {
  return instr.args.map((a) => {
    const eq = a.indexOf("=");
    if (eq < 0) return [a, void 0];
    let v = a.slice(eq + 1);
    if (v.startsWith('"') && v.endsWith('"') || v.startsWith("'") && v.endsWith("'")) v = v.slice(1, -1);
    return [a.slice(0, eq), v];
  });
}

// src/model/wrappers.ts
import fs5 from "node:fs";
import path8 from "node:path";

// src/shell/structure.ts
var MAX_NESTING = 120;
var RESERVED_CLOSERS = /* @__PURE__ */ new Set(["then", "elif", "else", "fi", "do", "done", "esac", "}", "in"]);
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
var Parser = class {
  constructor(tokens2) {
    this.tokens = tokens2;
  }
  tokens;
  p = 0;
  tok(offset = 0) {
    return this.tokens[this.p + offset];
  }
  wordAt(offset = 0) {
    const t = this.tok(offset);
    return t?.kind === "word" ? t.word.raw : void 0;
  }
  isOp(op, offset = 0) {
    const t = this.tok(offset);
    return t?.kind === "op" && t.op === op;
  }
  lastEnd() {
    const t = this.tokens[this.p - 1];
    if (!t) return 0;
    if (t.kind === "word") return t.word.end;
    if (t.kind === "redir") return t.end;
    if (t.kind === "op") return t.start + t.op.length;
    return t.start;
  }
  skipNewlines() {
    while (this.tok()?.kind === "newline") this.p++;
  }
  expectWord(word) {
    this.skipSeparators();
    if (this.wordAt() === word) {
      this.p++;
      return true;
    }
    return false;
  }
  skipSeparators() {
    for (; ; ) {
      const t = this.tok();
      if (t?.kind === "newline" || t?.kind === "op" && t.op === ";") this.p++;
      else break;
    }
  }
  /**
   * A list of statements up to (not consuming) a terminator: a reserved word in `closers`
   * at command position, `)` when `paren`, `;;` when `caseItem`, or the end.
   */
  parseList(closers, depth, paren = false, caseItem = false) {
    const stmts = [];
    for (; ; ) {
      this.skipSeparators();
      const t = this.tok();
      if (!t) break;
      if (t.kind === "word" && closers.has(t.word.raw)) break;
      if (t.kind === "op" && t.op === ")") {
        if (paren || caseItem) break;
        this.p++;
        continue;
      }
      if (t.kind === "op" && (t.op === ";;" || t.op === ";&" || t.op === ";;&")) {
        if (caseItem) break;
        this.p++;
        continue;
      }
      if (t.kind === "word" && RESERVED_CLOSERS.has(t.word.raw) && t.word.raw !== "}" && t.word.raw !== "in") {
        this.p++;
        continue;
      }
      const before = this.p;
      const stmt = this.parseStmt(closers, depth);
      if (stmt) stmts.push(stmt);
      if (this.p === before) this.p++;
    }
    return stmts;
  }
  parseStmt(closers, depth) {
    const start = this.tok()?.start ?? 0;
    const andOr = this.parseAndOr(closers, depth);
    if (!andOr) return void 0;
    let background = false;
    if (this.isOp("&")) {
      background = true;
      this.p++;
    } else if (this.isOp(";")) {
      this.p++;
    }
    return { andOr, background, start, end: this.lastEnd() };
  }
  parseAndOr(closers, depth) {
    const first = this.parsePipeline(closers, depth);
    if (!first) return void 0;
    const rest = [];
    for (; ; ) {
      const t = this.tok();
      if (t?.kind !== "op" || t.op !== "&&" && t.op !== "||") break;
      this.p++;
      this.skipNewlines();
      const next = this.parsePipeline(closers, depth);
      if (!next) break;
      rest.push({ op: t.op, pipeline: next });
    }
    return { first, rest };
  }
  parsePipeline(closers, depth) {
    const start = this.tok()?.start ?? 0;
    let negated = false;
    while (this.wordAt() === "!" || this.wordAt() === "time") {
      if (this.wordAt() === "!") negated = !negated;
      this.p++;
    }
    const commands = [];
    const first = this.parseCommand(closers, depth);
    if (!first) return negated ? { negated, commands, start } : void 0;
    commands.push(first);
    for (; ; ) {
      const t = this.tok();
      if (t?.kind !== "op" || t.op !== "|" && t.op !== "|&") break;
      this.p++;
      this.skipNewlines();
      const next = this.parseCommand(closers, depth);
      if (!next) break;
      commands.push(next);
    }
    return { negated, commands, start };
  }
  parseCommand(closers, depth) {
    const t = this.tok();
    if (!t) return void 0;
    if (depth < MAX_NESTING) {
      if (t.kind === "op" && t.op === "(") return this.withRedirs(this.parseGroup("subshell", depth));
      if (t.kind === "word") {
        switch (t.word.raw) {
          case "if":
            return this.withRedirs(this.parseIf(closers, depth));
          case "case":
            return this.withRedirs(this.parseCase(closers, depth));
          case "while":
          case "until":
            return this.withRedirs(this.parseLoop(t.word.raw, closers, depth));
          case "for":
          case "select":
            return this.withRedirs(this.parseFor(closers, depth));
          case "{":
            return this.withRedirs(this.parseGroup("group", depth));
          case "function":
            return this.parseFunction(true, closers, depth);
          default:
            if (this.isOp("(", 1) && this.isOp(")", 2) && /^[^\s$"'`=]+$/.test(t.word.raw)) return this.parseFunction(false, closers, depth);
        }
      }
    }
    return this.parseSimple();
  }
  withRedirs(cmd) {
    for (; ; ) {
      const t = this.tok();
      if (t?.kind !== "redir") break;
      cmd.redirs.push(toRedir(t));
      cmd.end = t.end;
      this.p++;
    }
    return cmd;
  }
  parseSimple() {
    const start = this.tok()?.start ?? 0;
    const cmd = { kind: "simple", assigns: [], words: [], redirs: [], start, end: start };
    let inDoubleBracket = false;
    for (; ; ) {
      const t = this.tok();
      if (!t) break;
      if (t.kind === "newline") {
        const prev = this.tokens[this.p - 1];
        if (inDoubleBracket && prev?.kind === "op" && (prev.op === "&&" || prev.op === "||")) {
          this.p++;
          continue;
        }
        break;
      }
      if (t.kind === "redir") {
        if (inDoubleBracket && (t.op === "<" || t.op === ">")) {
          cmd.words.push({ raw: t.op, parts: [{ type: "lit", text: t.op }], start: t.start, end: t.start + 1 });
          if (t.target) cmd.words.push(t.target);
          cmd.end = t.end;
          this.p++;
          continue;
        }
        cmd.redirs.push(toRedir(t));
        cmd.end = t.end;
        this.p++;
        continue;
      }
      if (t.kind === "op") {
        if (inDoubleBracket && t.op !== ";" && t.op !== ";;" && t.op !== "&") {
          cmd.words.push({ raw: t.op, parts: [{ type: "lit", text: t.op }], start: t.start, end: t.start + t.op.length });
          cmd.end = t.start + t.op.length;
          this.p++;
          continue;
        }
        break;
      }
      const w = t.word;
      if (cmd.words.length === 0 && ASSIGNMENT.test(w.raw)) {
        cmd.assigns.push(w);
      } else {
        if (cmd.words.length === 0 && w.raw === "[[") inDoubleBracket = true;
        else if (inDoubleBracket && w.raw === "]]") inDoubleBracket = false;
        cmd.words.push(w);
      }
      cmd.end = w.end;
      this.p++;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) return void 0;
    return cmd;
  }
  parseIf(closers, depth) {
    const start = this.tok().start;
    this.p++;
    const clauses = [];
    let elseBody;
    const condClosers = union(closers, ["then", "fi"]);
    const bodyClosers = union(closers, ["elif", "else", "fi"]);
    let clauseStart = start;
    for (; ; ) {
      const cond = this.parseList(condClosers, depth + 1);
      this.expectWord("then");
      const body = this.parseList(bodyClosers, depth + 1);
      clauses.push({ cond, body, start: clauseStart });
      this.skipSeparators();
      const w = this.wordAt();
      if (w === "elif") {
        clauseStart = this.tok().start;
        this.p++;
        continue;
      }
      if (w === "else") {
        this.p++;
        elseBody = this.parseList(union(closers, ["fi"]), depth + 1);
      }
      this.expectWord("fi");
      break;
    }
    const node = { kind: "if", clauses, redirs: [], start, end: this.lastEnd() };
    if (elseBody) node.elseBody = elseBody;
    return node;
  }
  parseCase(closers, depth) {
    const start = this.tok().start;
    this.p++;
    const node = { kind: "case", items: [], redirs: [], start, end: start };
    const t = this.tok();
    if (t?.kind === "word") {
      node.word = t.word;
      this.p++;
    }
    this.skipNewlines();
    if (this.wordAt() === "in") this.p++;
    const bodyClosers = union(closers, ["esac"]);
    for (; ; ) {
      this.skipNewlines();
      const cur = this.tok();
      if (!cur) break;
      if (cur.kind === "word" && cur.word.raw === "esac") {
        this.p++;
        break;
      }
      if (cur.kind === "word" && closers.has(cur.word.raw)) break;
      const before = this.p;
      const itemStart = cur.start;
      if (this.isOp("(")) this.p++;
      const patterns = [];
      for (; ; ) {
        const pt = this.tok();
        if (pt?.kind === "word") {
          patterns.push(pt.word);
          this.p++;
        } else if (pt?.kind === "op" && pt.op === "|") {
          this.p++;
        } else break;
      }
      if (this.isOp(")")) this.p++;
      const body = this.parseList(bodyClosers, depth + 1, false, true);
      node.items.push({ patterns, body, start: itemStart });
      const sep = this.tok();
      if (sep?.kind === "op" && (sep.op === ";;" || sep.op === ";&" || sep.op === ";;&")) this.p++;
      if (this.p === before) this.p++;
    }
    node.end = this.lastEnd();
    return node;
  }
  parseLoop(kind, closers, depth) {
    const start = this.tok().start;
    this.p++;
    const cond = this.parseList(union(closers, ["do", "done"]), depth + 1);
    this.expectWord("do");
    const body = this.parseList(union(closers, ["done"]), depth + 1);
    this.expectWord("done");
    return { kind, cond, body, redirs: [], start, end: this.lastEnd() };
  }
  parseFor(closers, depth) {
    const start = this.tok().start;
    this.p++;
    const node = { kind: "for", body: [], redirs: [], start, end: start };
    const v = this.tok();
    if (v?.kind === "word") {
      node.variable = v.word.raw;
      this.p++;
    }
    this.skipNewlines();
    if (this.wordAt() === "in") {
      this.p++;
      node.items = [];
      for (; ; ) {
        const t = this.tok();
        if (t?.kind !== "word") break;
        node.items.push(t.word);
        this.p++;
      }
    }
    this.skipSeparators();
    if (this.wordAt() === "{") {
      const group = this.parseGroup("group", depth);
      node.body = group.body;
    } else {
      this.expectWord("do");
      node.body = this.parseList(union(closers, ["done"]), depth + 1);
      this.expectWord("done");
    }
    node.end = this.lastEnd();
    return node;
  }
  parseGroup(kind, depth) {
    const start = this.tok().start;
    this.p++;
    let body;
    if (kind === "subshell") {
      body = this.parseList(/* @__PURE__ */ new Set(), depth + 1, true);
      if (this.isOp(")")) this.p++;
    } else {
      body = this.parseList(/* @__PURE__ */ new Set(["}"]), depth + 1);
      this.expectWord("}");
    }
    return { kind, body, redirs: [], start, end: this.lastEnd() };
  }
  parseFunction(keyword, closers, depth) {
    const start = this.tok().start;
    if (keyword) this.p++;
    const nameTok = this.tok();
    let name = "";
    if (nameTok?.kind === "word") {
      name = nameTok.word.raw;
      this.p++;
    }
    if (this.isOp("(") && this.isOp(")", 1)) this.p += 2;
    this.skipNewlines();
    const node = { kind: "function", name, keyword, start, end: this.lastEnd() };
    const body = this.tok() ? this.parseCommand(closers, depth + 1) : void 0;
    if (body) node.body = body;
    node.end = this.lastEnd();
    return node;
  }
};
function union(set, more) {
  const out = new Set(set);
  for (const m of more) out.add(m);
  return out;
}
function toRedir(t) {
  const r = { op: t.op, fd: t.fd, start: t.start };
  if (t.target) r.target = t.target;
  if (t.heredoc) r.heredoc = t.heredoc;
  return r;
}
var parsed = /* @__PURE__ */ new WeakMap();
function parseTokens(tokens2) {
  let stmts = parsed.get(tokens2);
  if (!stmts) {
    stmts = new Parser(tokens2).parseList(/* @__PURE__ */ new Set(), 0);
    parsed.set(tokens2, stmts);
  }
  return stmts;
}
function substitutions(parts, out = []) {
  for (const p of parts) {
    if (p.type === "cmdsub" || p.type === "procsub" || p.type === "array") out.push(p.tokens);
    else if (p.type === "dq") substitutions(p.parts, out);
    else if (p.type === "param") substitutions(p.arg, out);
  }
  return out;
}
var TOP = { inFunction: false, inCondition: false, inSubstitution: false, detached: false };
function walkCommands(stmts, visit, ctx = TOP) {
  walkList(stmts, visit, ctx, 0);
}
function walkList(stmts, visit, ctx, depth) {
  if (depth > MAX_NESTING * 2) return;
  for (const s of stmts) {
    const pipelines = [s.andOr.first, ...s.andOr.rest.map((r) => r.pipeline)];
    pipelines.forEach((pl, i) => {
      const last = i === pipelines.length - 1;
      pl.commands.forEach((cmd, j) => {
        const c = {
          inFunction: ctx.inFunction,
          inCondition: ctx.inCondition || !last || pl.negated,
          inSubstitution: ctx.inSubstitution,
          detached: ctx.detached || s.background || j < pl.commands.length - 1
        };
        walkCommand(cmd, visit, c, depth + 1);
      });
    });
  }
}
function walkWords(words, visit, ctx, depth) {
  for (const w of words) {
    for (const tokens2 of substitutions(w.parts)) {
      walkList(parseTokens(tokens2), visit, { ...ctx, inSubstitution: true }, depth + 1);
    }
  }
}
function redirWords(redirs) {
  return redirs.flatMap((r) => r.target ? [r.target] : []);
}
function walkCommand(cmd, visit, ctx, depth) {
  visit(cmd, ctx);
  switch (cmd.kind) {
    case "simple":
      walkWords([...cmd.assigns, ...cmd.words, ...redirWords(cmd.redirs)], visit, ctx, depth);
      break;
    case "if":
      for (const c of cmd.clauses) {
        walkList(c.cond, visit, { ...ctx, inCondition: true }, depth + 1);
        walkList(c.body, visit, ctx, depth + 1);
      }
      if (cmd.elseBody) walkList(cmd.elseBody, visit, ctx, depth + 1);
      break;
    case "case":
      if (cmd.word) walkWords([cmd.word], visit, ctx, depth);
      for (const item of cmd.items) walkList(item.body, visit, ctx, depth + 1);
      break;
    case "while":
    case "until":
      walkList(cmd.cond, visit, { ...ctx, inCondition: true }, depth + 1);
      walkList(cmd.body, visit, ctx, depth + 1);
      break;
    case "for":
      walkWords(cmd.items ?? [], visit, ctx, depth);
      walkList(cmd.body, visit, ctx, depth + 1);
      break;
    case "group":
    case "subshell":
      walkList(cmd.body, visit, ctx, depth + 1);
      break;
    case "function":
      if (cmd.body) walkCommand(cmd.body, visit, { ...ctx, inFunction: true }, depth + 1);
      break;
  }
  if (cmd.kind !== "simple" && cmd.kind !== "function") walkWords(redirWords(cmd.redirs), visit, ctx, depth);
}
function collectFunctions(stmts) {
  const out = /* @__PURE__ */ new Map();
  walkCommands(stmts, (cmd, ctx) => {
    if (cmd.kind === "function" && !ctx.inSubstitution && cmd.name) out.set(cmd.name, cmd);
  });
  return out;
}

// src/shell/tokenize.ts
var MAX_DEPTH = 48;
var OPERATORS = [";;&", ";;", ";&", "&&", "||", "|&", ";", "&", "|"];
var REDIRECTS = ["<<<", "<<-", "&>>", "<<", "<>", "<&", ">>", ">&", ">|", "&>", "<", ">"];
var SPECIAL_PARAMS = "@*#?$!-0123456789";
function isNameStart(c) {
  return c !== void 0 && /[A-Za-z_]/.test(c);
}
function isNameChar(c) {
  return c !== void 0 && /[A-Za-z0-9_]/.test(c);
}
function isBlank(c) {
  return c === " " || c === "	" || c === "\r" || c === "\f" || c === "\v";
}
function isMeta(c) {
  return c === void 0 || c === " " || c === "	" || c === "\n" || c === "\r" || c === ";" || c === "&" || c === "|" || c === "(" || c === ")" || c === "<" || c === ">";
}
var COMMAND_OPENERS = /* @__PURE__ */ new Set(["then", "do", "else", "elif", "if", "while", "until", "{", "!", "in", "time", "for"]);
var Lexer = class _Lexer {
  constructor(src, start, end) {
    this.src = src;
    this.end = end;
    this.i = start;
  }
  src;
  end;
  comments = [];
  pendingHeredocs = [];
  i;
  peek(offset = 0) {
    const j = this.i + offset;
    return j < this.end ? this.src[j] : void 0;
  }
  startsWith(s) {
    return this.i + s.length <= this.end && this.src.startsWith(s, this.i);
  }
  /** Skip `\` + newline (a line continuation) at the current position; true when skipped. */
  skipContinuation() {
    if (this.peek() === "\\" && this.peek(1) === "\n") {
      this.i += 2;
      return true;
    }
    if (this.peek() === "\\" && this.peek(1) === "\r" && this.peek(2) === "\n") {
      this.i += 3;
      return true;
    }
    return false;
  }
  /**
   * Read tokens until the end, or (closeParen) until the `)` that closes the construct the
   * caller opened; that `)` is consumed. Returns whether the closing paren was found.
   */
  readTokens(depth, closeParen) {
    const tokens2 = [];
    let parens = 0;
    let caseDepth = 0;
    let expectCasePattern = false;
    const atCommandStart = () => {
      const prev = tokens2[tokens2.length - 1];
      if (!prev) return true;
      if (prev.kind === "newline") return true;
      if (prev.kind === "op") return true;
      if (prev.kind === "word") return COMMAND_OPENERS.has(prev.word.raw);
      return false;
    };
    while (this.i < this.end) {
      const c = this.peek();
      if (isBlank(c)) {
        this.i++;
        continue;
      }
      if (this.skipContinuation()) continue;
      if (c === "#") {
        const start = this.i;
        while (this.i < this.end && this.src[this.i] !== "\n") this.i++;
        this.comments.push({ start, text: this.src.slice(start, this.i) });
        continue;
      }
      if (c === "\n") {
        tokens2.push({ kind: "newline", start: this.i });
        this.i++;
        this.readHeredocBodies();
        continue;
      }
      if (c === ")") {
        if (closeParen && parens === 0 && !(caseDepth > 0 && expectCasePattern)) {
          this.i++;
          return { tokens: tokens2, closed: true };
        }
        if (parens > 0) parens--;
        else if (caseDepth > 0) expectCasePattern = false;
        tokens2.push({ kind: "op", op: ")", start: this.i });
        this.i++;
        continue;
      }
      if (c === "(") {
        if (this.peek(1) === "(" && atCommandStart()) {
          const start = this.i;
          const text = this.skipBalancedParens(this.i);
          tokens2.push({ kind: "word", start, word: { raw: this.src.slice(start, this.i), parts: [{ type: "arith", text, start }], start, end: this.i } });
          continue;
        }
        parens++;
        tokens2.push({ kind: "op", op: "(", start: this.i });
        this.i++;
        continue;
      }
      if (/[0-9]/.test(c)) {
        let j = this.i;
        while (j < this.end && /[0-9]/.test(this.src[j])) j++;
        if (j < this.end && (this.src[j] === "<" || this.src[j] === ">") && !(this.src[j + 1] === "(")) {
          const fd = this.src.slice(this.i, j);
          const start = this.i;
          this.i = j;
          tokens2.push(this.readRedirect(fd, start, depth));
          continue;
        }
      }
      if ((c === "<" || c === ">") && this.peek(1) === "(") {
        tokens2.push(this.readWordToken(depth));
        continue;
      }
      const redir = REDIRECTS.find((r) => this.startsWith(r));
      if (redir) {
        tokens2.push(this.readRedirect("", this.i, depth));
        continue;
      }
      const op = OPERATORS.find((o) => this.startsWith(o));
      if (op) {
        if (op === ";;" || op === ";&" || op === ";;&") expectCasePattern = true;
        tokens2.push({ kind: "op", op, start: this.i });
        this.i += op.length;
        continue;
      }
      const commandStart = atCommandStart();
      const tok = this.readWordToken(depth);
      tokens2.push(tok);
      if (tok.kind === "word" && commandStart) {
        const raw = tok.word.raw;
        if (raw === "case") {
          caseDepth++;
        } else if (raw === "esac" && caseDepth > 0) {
          caseDepth--;
          expectCasePattern = false;
        }
      }
      if (tok.kind === "word" && tok.word.raw === "in" && caseDepth > 0) expectCasePattern = true;
    }
    return { tokens: tokens2, closed: false };
  }
  readWordToken(depth) {
    const start = this.i;
    const parts = this.readParts("word", depth);
    if (this.peek() === "(" && parts.length > 0) {
      const last = parts[parts.length - 1];
      if (last.type === "lit" && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(this.src.slice(start, this.i))) {
        const arrStart = this.i;
        this.i++;
        const inner = depth < MAX_DEPTH ? this.readTokens(depth + 1, true).tokens : this.skipFlat(")");
        parts.push({ type: "array", tokens: inner, start: arrStart });
        parts.push(...this.readParts("word", depth));
      }
    }
    if (this.i === start) {
      this.i++;
      return { kind: "word", start, word: { raw: this.src.slice(start, this.i), parts: [{ type: "lit", text: this.src.slice(start, this.i) }], start, end: this.i } };
    }
    return { kind: "word", start, word: { raw: this.src.slice(start, this.i), parts: mergeLits(parts), start, end: this.i } };
  }
  readRedirect(fd, start, depth) {
    const op = REDIRECTS.find((r) => this.startsWith(r)) ?? this.src[this.i];
    this.i += op.length;
    for (; ; ) {
      if (isBlank(this.peek())) this.i++;
      else if (!this.skipContinuation()) break;
    }
    let target;
    const c = this.peek();
    if (c !== void 0 && c !== "\n" && !isMeta(c)) {
      const tok = this.readWordToken(depth);
      if (tok.kind === "word") target = tok.word;
    } else if (c !== void 0 && (c === "<" || c === ">") && this.peek(1) === "(") {
      const tok = this.readWordToken(depth);
      if (tok.kind === "word") target = tok.word;
    }
    const token = { kind: "redir", op, fd, start, end: this.i };
    if (target) token.target = target;
    if ((op === "<<" || op === "<<-") && target) {
      const quoted = target.parts.some((p) => p.type !== "lit") || target.raw.includes("\\");
      const heredoc = { delimiter: literalText(target.parts), quoted, stripTabs: op === "<<-", bodyStart: -1, bodyEnd: -1 };
      token.heredoc = heredoc;
      this.pendingHeredocs.push(heredoc);
    }
    return token;
  }
  /** After a newline token: skip the bodies of the heredocs opened on the line. */
  readHeredocBodies() {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const h of pending) {
      h.bodyStart = this.i;
      let found = false;
      while (this.i < this.end) {
        let lineEnd = this.src.indexOf("\n", this.i);
        if (lineEnd < 0 || lineEnd > this.end) lineEnd = this.end;
        let line = this.src.slice(this.i, lineEnd);
        if (line.endsWith("\r")) line = line.slice(0, -1);
        if (h.stripTabs) line = line.replace(/^\t+/, "");
        if (line === h.delimiter) {
          h.bodyEnd = this.i;
          this.i = Math.min(lineEnd + 1, this.end);
          found = true;
          break;
        }
        this.i = Math.min(lineEnd + 1, this.end);
      }
      if (!found) h.bodyEnd = this.end;
    }
  }
  /**
   * Read word parts. ctx 'word': stop at an unquoted metacharacter; 'dq': stop after the
   * closing `"`; 'brace': stop after the closing `}` of `${…}` (`inDq`: that `${…}` is inside
   * double quotes, where single quotes are literal). $( … ) and `…` recurse.
   */
  readParts(ctx, depth, inDq = false) {
    const parts = [];
    let lit = "";
    const flush = () => {
      if (lit) parts.push({ type: "lit", text: lit });
      lit = "";
    };
    while (this.i < this.end) {
      const c = this.src[this.i];
      if ((c === "<" || c === ">") && ctx === "word" && this.peek(1) === "(") {
        flush();
        const start = this.i;
        this.i += 2;
        const tokens2 = depth < MAX_DEPTH ? this.readTokens(depth + 1, true).tokens : this.skipFlat(")");
        parts.push({ type: "procsub", tokens: tokens2, start });
        continue;
      }
      if (ctx === "word" && isMeta(c)) break;
      if (ctx === "dq" && c === '"') {
        this.i++;
        flush();
        return parts;
      }
      if (ctx === "brace" && c === "}") {
        this.i++;
        flush();
        return parts;
      }
      if (c === "\\") {
        if (this.skipContinuation()) continue;
        const next = this.peek(1);
        if (next === void 0) {
          lit += c;
          this.i++;
          continue;
        }
        if (ctx === "dq" && !'$`"\\'.includes(next)) lit += c + next;
        else lit += next;
        this.i += 2;
        continue;
      }
      if (c === "'" && ctx !== "dq" && !inDq) {
        flush();
        const close = this.src.indexOf("'", this.i + 1);
        const stop = close < 0 || close >= this.end ? this.end : close;
        parts.push({ type: "sq", text: this.src.slice(this.i + 1, stop) });
        this.i = Math.min(stop + 1, this.end);
        continue;
      }
      if (c === '"' && ctx !== "dq") {
        flush();
        this.i++;
        if (depth >= MAX_DEPTH) {
          parts.push({ type: "dq", parts: [{ type: "lit", text: this.skipFlatString('"') }] });
          continue;
        }
        parts.push({ type: "dq", parts: this.readParts("dq", depth + 1) });
        continue;
      }
      if (c === "`") {
        flush();
        parts.push(this.readBacktick(depth));
        continue;
      }
      if (c === "$") {
        const part = this.readDollar(ctx, depth, inDq || ctx === "dq");
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
        lit += c;
        this.i++;
        continue;
      }
      lit += c;
      this.i++;
    }
    flush();
    return parts;
  }
  readBacktick(depth) {
    const start = this.i;
    this.i++;
    let j = this.i;
    while (j < this.end && this.src[j] !== "`") j += this.src[j] === "\\" ? 2 : 1;
    const close = Math.min(j, this.end);
    let tokens2 = [];
    if (depth < MAX_DEPTH) {
      const inner = new _Lexer(this.src, this.i, close);
      tokens2 = inner.readTokens(depth + 1, false).tokens;
      this.comments.push(...inner.comments);
    }
    this.i = Math.min(close + 1, this.end);
    return { type: "cmdsub", tokens: tokens2, backtick: true, start, end: this.i };
  }
  /** At `$`: read an expansion, or return undefined for a literal `$`. */
  readDollar(ctx, depth, inDq) {
    const start = this.i;
    const next = this.peek(1);
    if (next === "(" && this.peek(2) === "(") {
      this.i++;
      const text = this.skipBalancedParens(this.i);
      return { type: "arith", text, start };
    }
    if (next === "(") {
      this.i += 2;
      const tokens2 = depth < MAX_DEPTH ? this.readTokens(depth + 1, true).tokens : this.skipFlat(")");
      return { type: "cmdsub", tokens: tokens2, backtick: false, start, end: this.i };
    }
    if (next === "{") {
      this.i += 2;
      return this.readBraceParam(start, depth, inDq);
    }
    if (next === "'" && !inDq) {
      this.i += 2;
      let j = this.i;
      while (j < this.end && this.src[j] !== "'") j += this.src[j] === "\\" ? 2 : 1;
      const stop = Math.min(j, this.end);
      const text = this.src.slice(this.i, stop);
      this.i = Math.min(stop + 1, this.end);
      return { type: "ansi", text, start };
    }
    if (next === '"' && !inDq) {
      this.i += 2;
      if (depth >= MAX_DEPTH) return { type: "dq", parts: [{ type: "lit", text: this.skipFlatString('"') }] };
      return { type: "dq", parts: this.readParts("dq", depth + 1) };
    }
    if (isNameStart(next)) {
      let j = this.i + 1;
      while (j < this.end && isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.i + 1, j);
      this.i = j;
      return { type: "param", name, braced: false, length: false, indirect: false, op: "", arg: [], start, end: j };
    }
    if (next !== void 0 && SPECIAL_PARAMS.includes(next)) {
      this.i += 2;
      return { type: "param", name: next, braced: false, length: false, indirect: false, op: "", arg: [], start, end: this.i };
    }
    return void 0;
  }
  /** After `${`: name, subscript, operator and argument, up to the closing `}`. */
  readBraceParam(start, depth, inDq) {
    const param = { type: "param", name: "", braced: true, length: false, indirect: false, op: "", arg: [], start, end: start };
    if (depth >= MAX_DEPTH) {
      param.name = this.skipFlatString("}");
      param.end = this.i;
      return param;
    }
    let c = this.peek();
    if (c === "#" && this.peek(1) !== "}" && (isNameChar(this.peek(1)) || this.peek(1) !== void 0 && "@*#?$!".includes(this.peek(1)) && this.peek(2) === "}")) {
      param.length = true;
      this.i++;
    } else if (c === "!" && this.peek(1) !== "}" && (isNameStart(this.peek(1)) || this.peek(1) === "@" || this.peek(1) === "*")) {
      param.indirect = true;
      this.i++;
    }
    c = this.peek();
    if (isNameStart(c)) {
      let j = this.i;
      while (j < this.end && isNameChar(this.src[j])) j++;
      param.name = this.src.slice(this.i, j);
      this.i = j;
    } else if (c !== void 0 && /[0-9]/.test(c)) {
      let j = this.i;
      while (j < this.end && /[0-9]/.test(this.src[j])) j++;
      param.name = this.src.slice(this.i, j);
      this.i = j;
    } else if (c !== void 0 && SPECIAL_PARAMS.includes(c)) {
      param.name = c;
      this.i++;
    }
    if (this.peek() === "[") {
      let j = this.i + 1;
      let nest = 1;
      while (j < this.end && nest > 0) {
        if (this.src[j] === "[") nest++;
        else if (this.src[j] === "]") nest--;
        else if (this.src[j] === "}" || this.src[j] === "\n") break;
        if (nest > 0) j++;
      }
      param.subscript = this.src.slice(this.i + 1, j);
      this.i = this.src[j] === "]" ? j + 1 : j;
    }
    const ops = [":-", ":=", ":+", ":?", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "#", "%", "/", "^", ",", ":", "@"];
    const op = ops.find((o) => this.startsWith(o));
    if (op) {
      param.op = op;
      this.i += op.length;
    }
    param.arg = this.readParts("brace", depth + 1, inDq);
    param.end = this.i;
    return param;
  }
  /** At `((` or `$((` minus the `$`: skip to the balancing `))`; returns the inner text. */
  skipBalancedParens(from) {
    let j = from;
    let nest = 0;
    while (j < this.end) {
      const ch = this.src[j];
      if (ch === "(") nest++;
      else if (ch === ")") {
        nest--;
        if (nest === 0) {
          j++;
          break;
        }
      } else if (ch === "\\") j++;
      j++;
    }
    j = Math.min(j, this.end);
    this.i = j;
    return this.src.slice(from + 2, Math.max(from + 2, j - 2));
  }
  /** Past the depth limit: skip to the balancing close char without recursing. */
  skipFlat(close) {
    let nest = 0;
    while (this.i < this.end) {
      const ch = this.src[this.i];
      if (ch === "\\") {
        this.i += 2;
        continue;
      }
      if (ch === "(") nest++;
      if (ch === close) {
        if (nest === 0) {
          this.i++;
          break;
        }
        nest--;
      }
      this.i++;
    }
    this.i = Math.min(this.i, this.end);
    return [];
  }
  skipFlatString(close) {
    const start = this.i;
    while (this.i < this.end && this.src[this.i] !== close) this.i += this.src[this.i] === "\\" ? 2 : 1;
    this.i = Math.min(this.i, this.end);
    const text = this.src.slice(start, this.i);
    if (this.i < this.end) this.i++;
    return text;
  }
};
function mergeLits(parts) {
  const out = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (p.type === "lit" && prev?.type === "lit") prev.text += p.text;
    else out.push(p);
  }
  return out;
}
function literalText(parts) {
  return parts.map((p) => p.type === "lit" || p.type === "sq" || p.type === "ansi" ? p.text : p.type === "dq" ? literalText(p.parts) : "").join("");
}
function tokenize(src) {
  const lexer = new Lexer(src, 0, src.length);
  const { tokens: tokens2 } = lexer.readTokens(0, false);
  return { tokens: tokens2, comments: lexer.comments };
}

// src/shell/words.ts
function staticValue(word) {
  if (!word) return void 0;
  let out = "";
  const add = (parts) => {
    for (const p of parts) {
      if (p.type === "lit" || p.type === "sq" || p.type === "ansi") out += p.text;
      else if (p.type === "dq") {
        if (!add(p.parts)) return false;
      } else return false;
    }
    return true;
  };
  return add(word.parts) ? out : void 0;
}
function commandBase(word) {
  const v = staticValue(word);
  if (v === void 0) return void 0;
  const slash = v.lastIndexOf("/");
  return slash >= 0 ? v.slice(slash + 1) : v;
}
function isAllParam(p, names) {
  return p?.type === "param" && names.includes(p.name) && p.name.length === 1 && !p.length && !p.indirect && p.op === "" && p.subscript === void 0;
}
function isQuotedAllArgs(word) {
  const [p] = word.parts;
  return word.parts.length === 1 && p?.type === "dq" && p.parts.length === 1 && isAllParam(p.parts[0], "@");
}
function argsMisuse(word) {
  for (const p of word.parts) {
    if (p.type === "param" && (p.name === "@" || p.name === "*") && !p.length && !p.indirect) {
      return { kind: "unquoted", text: word.raw };
    }
    if (p.type === "dq") {
      for (const q2 of p.parts) {
        if (q2.type === "param" && q2.name === "*" && !q2.length && !q2.indirect && p.parts.length === 1) return { kind: "joined", text: word.raw };
      }
    }
  }
  return void 0;
}
function paramUses(word) {
  const out = [];
  const visit = (parts, quoted) => {
    for (const p of parts) {
      if (p.type === "param") {
        out.push({ param: p, quoted });
        visit(p.arg, quoted);
      } else if (p.type === "dq") visit(p.parts, true);
    }
  };
  visit(word.parts, false);
  return out;
}
function commandWords(cmd) {
  const redirTargets = (cmd.kind === "function" ? [] : cmd.redirs).flatMap((r) => r.target ? [r.target] : []);
  switch (cmd.kind) {
    case "simple":
      return [...cmd.assigns, ...cmd.words, ...redirTargets];
    case "case":
      return [...cmd.word ? [cmd.word] : [], ...cmd.items.flatMap((i) => i.patterns), ...redirTargets];
    case "for":
      return [...cmd.items ?? [], ...redirTargets];
    default:
      return redirTargets;
  }
}
function execTarget(cmd) {
  if (commandBase(cmd.words[0]) !== "exec") return void 0;
  let i = 1;
  while (i < cmd.words.length) {
    const v = staticValue(cmd.words[i]);
    if (v === "-a") i += 2;
    else if (v !== void 0 && /^-[cl]+$/.test(v)) i++;
    else if (v === "--") {
      i++;
      break;
    } else break;
  }
  const rest = cmd.words.slice(i);
  return rest.length > 0 ? rest : void 0;
}
function commandText(src, cmd, max = 70) {
  const text = src.slice(cmd.start, cmd.end).replace(/\\\n/g, " ").replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}\u2026` : text;
}
function setFlags(cmd) {
  const on = /* @__PURE__ */ new Set();
  const off = /* @__PURE__ */ new Set();
  const optionsOn = /* @__PURE__ */ new Set();
  const optionsOff = /* @__PURE__ */ new Set();
  const words = cmd.words.map((w) => staticValue(w));
  for (let i = 1; i < words.length; i++) {
    const v = words[i];
    if (v === void 0 || v === "--" || v === "-") break;
    const m = /^([-+])([A-Za-z]+)$/.exec(v);
    if (!m) break;
    const sign = m[1];
    const letters = m[2];
    for (const ch of letters) (sign === "-" ? on : off).add(ch);
    if (letters.includes("o")) {
      const name = words[i + 1];
      if (name !== void 0) {
        (sign === "-" ? optionsOn : optionsOff).add(name);
        i++;
      }
    }
  }
  on.delete("o");
  off.delete("o");
  return { on, off, optionsOn, optionsOff };
}

// src/shell/commands.ts
function looseText(word, src) {
  const v = staticValue(word);
  if (v !== void 0) return v;
  const text = (parts) => parts.map((p) => {
    switch (p.type) {
      case "lit":
      case "sq":
      case "ansi":
        return p.text;
      case "dq":
        return text(p.parts);
      case "param":
      case "cmdsub":
        return src.slice(p.start, p.end);
      case "arith":
        return `$((${p.text}))`;
      default:
        return "";
    }
  }).join("");
  return text(word.parts);
}
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineAt2 = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { starts, lineAt: lineAt2 };
}
function parseShell(text) {
  return parseTokens(tokenize(text.replace(/\r\n/g, "\n")).tokens);
}
function simpleCommands(text) {
  const src = text.replace(/\r\n/g, "\n");
  const { lineAt: lineAt2 } = lineStarts(src);
  const lineOf = (offset) => lineAt2(offset) + 1;
  const out = [];
  walkCommands(parseTokens(tokenize(src).tokens), (cmd, ctx) => {
    if (cmd.kind !== "simple" || ctx.inSubstitution || cmd.words.length === 0) return;
    out.push({ words: cmd.words.map((w) => looseText(w, src)), line: lineOf(cmd.start), inCondition: ctx.inCondition, cmd });
  });
  return out;
}
var PREFIXES = /* @__PURE__ */ new Set(["exec", "command", "nohup", "time", "builtin"]);
function programWords(words) {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (PREFIXES.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    if (w === "sudo" || w === "env") {
      i++;
      while (i < words.length && (words[i].startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]))) i++;
      continue;
    }
    break;
  }
  return words.slice(i);
}
function sourcedFiles(text) {
  const out = [];
  for (const { words } of simpleCommands(text)) {
    if ((words[0] === "." || words[0] === "source") && words[1]) out.push(words[1]);
  }
  return out;
}
var SHELL_PROGRAM = /(^|\/)(ba|da|a|z|k|mk)?sh$/;
var runCache = /* @__PURE__ */ new WeakMap();
function runCommands(instr) {
  let cmds = runCache.get(instr);
  if (!cmds) runCache.set(instr, cmds = readRun(instr));
  return cmds;
}
function readRun(instr) {
  if (instr.exec) {
    const [first, second, third] = instr.exec;
    if (first && SHELL_PROGRAM.test(first) && second === "-c" && third !== void 0) return simpleCommands(third);
    return instr.exec.length > 0 ? [{ words: instr.exec, line: 1, inCondition: false, cmd: execFormCommand(instr.exec) }] : [];
  }
  const cmds = simpleCommands(instr.text);
  for (const h of instr.heredocs) {
    const reader = cmds.find((c) => c.cmd.redirs.some((r) => r.heredoc?.delimiter === h.name));
    const program = reader ? programWords(reader.words)[0] : void 0;
    if (reader === void 0 || program !== void 0 && SHELL_PROGRAM.test(program) && !programWords(reader.words).some((w) => w === "-c")) {
      cmds.push(...simpleCommands(h.content));
    }
  }
  return cmds.filter((c) => c.words.length > 0);
}
function execFormCommand(argv) {
  const words = argv.map((a) => ({ raw: a, parts: [{ type: "sq", text: a }], start: 0, end: 0 }));
  return { kind: "simple", assigns: [], words, redirs: [], start: 0, end: 0 };
}

// src/model/context.ts
import { execFileSync } from "node:child_process";
import fs4 from "node:fs";
import path4 from "node:path";

// src/repo-root.ts
import fs3 from "node:fs";
import path3 from "node:path";
var repoRootCache = /* @__PURE__ */ new Map();
function repoRootOf(dir) {
  const visited = [];
  let root = null;
  for (let current = path3.resolve(dir); ; ) {
    const cached2 = repoRootCache.get(current);
    if (cached2 !== void 0) {
      root = cached2;
      break;
    }
    visited.push(current);
    if (fs3.existsSync(path3.join(current, ".git"))) {
      root = current;
      break;
    }
    const parent = path3.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of visited) repoRootCache.set(d, root);
  return root;
}
function repositoryRoot(dir, fallback) {
  return repoRootOf(dir) ?? path3.resolve(fallback);
}

// src/model/context.ts
var NEVER = { test: () => false };
function compileDockerPattern(pattern) {
  const tokens2 = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") i++;
        tokens2.push(i + 1 >= pattern.length ? { t: "all" } : { t: "gstar" });
      } else if (tokens2[tokens2.length - 1]?.t !== "star") {
        tokens2.push({ t: "star" });
      }
    } else if (ch === "?") {
      tokens2.push({ t: "one" });
    } else if (ch === "\\") {
      tokens2.push({ t: "lit", c: i + 1 < pattern.length ? pattern[++i] : "\\" });
    } else if (ch === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) {
        tokens2.push({ t: "lit", c: "[" });
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      body = body.replace(/^(\^?)\]/, "$1\\]");
      try {
        tokens2.push({ t: "class", re: new RegExp(`^[${body}]$`, "s") });
      } catch {
        return NEVER;
      }
      i = close;
    } else {
      tokens2.push({ t: "lit", c: ch });
    }
  }
  return { test: (path29) => nfaMatch(tokens2, path29) };
}
function nfaMatch(tokens2, path29) {
  const m = tokens2.length;
  let current = /* @__PURE__ */ new Set();
  const add = (set, state) => {
    for (let s = state; ; s++) {
      if (set.has(s)) return;
      set.add(s);
      if (s >= m) return;
      const tok = tokens2[s];
      if (tok.t === "gstar") set.add(m + 1 + s);
      if (tok.t !== "star" && tok.t !== "all" && tok.t !== "gstar") return;
    }
  };
  add(current, 0);
  for (let k = 0; k < path29.length && current.size > 0; k++) {
    const c = path29[k];
    const next = /* @__PURE__ */ new Set();
    for (const s of current) {
      if (s > m) {
        const i = s - m - 1;
        next.add(s);
        if (c === "/") add(next, i + 1);
        continue;
      }
      if (s === m) continue;
      const tok = tokens2[s];
      switch (tok.t) {
        case "lit":
          if (c === tok.c) add(next, s + 1);
          break;
        case "one":
          if (c !== "/") add(next, s + 1);
          break;
        case "class":
          if (tok.re.test(c)) add(next, s + 1);
          break;
        case "star":
          if (c !== "/") add(next, s);
          break;
        case "all":
          add(next, s);
          break;
        case "gstar":
          break;
      }
    }
    current = next;
  }
  return current.has(m);
}
function parseDockerignore(text) {
  const out = [];
  for (const rawLine of text.split("\n")) {
    const raw = rawLine.replace(/\r$/, "");
    if (raw.startsWith("#")) continue;
    let pattern = raw.trim();
    if (pattern === "") continue;
    const exclusion = pattern.startsWith("!");
    if (exclusion) pattern = pattern.slice(1).trim();
    if (pattern === "") continue;
    pattern = path4.posix.normalize(pattern);
    if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    if (pattern.length > 1 && pattern.endsWith("/")) pattern = pattern.slice(0, -1);
    out.push({ exclusion, matcher: compileDockerPattern(pattern) });
  }
  return out;
}
function isIgnoredBy(patterns, rel) {
  const parts = rel.split("/");
  let matched = false;
  for (const p of patterns) {
    if (p.exclusion !== matched) continue;
    let match = p.matcher.test(rel);
    for (let i = 1; !match && i < parts.length; i++) match = p.matcher.test(parts.slice(0, i).join("/"));
    if (match) matched = !p.exclusion;
  }
  return matched;
}
var gitIndexCache = /* @__PURE__ */ new Map();
function gitEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("GIT_")) delete env[k];
  return env;
}
function gitIndex(root) {
  const cached2 = gitIndexCache.get(root);
  if (cached2 !== void 0) return cached2;
  let index = null;
  try {
    const out = execFileSync("git", ["-c", "core.fsmonitor=false", "-C", root, "ls-files", "-s", "-z"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 3e4,
      maxBuffer: 512 * 1024 * 1024,
      env: gitEnv()
    });
    index = /* @__PURE__ */ new Map();
    for (const entry of out.split("\0")) {
      const tab = entry.indexOf("	");
      if (tab < 0) continue;
      index.set(entry.slice(tab + 1), entry.slice(0, entry.indexOf(" ")));
    }
  } catch {
    index = null;
  }
  gitIndexCache.set(root, index);
  return index;
}
var BuildContext = class _BuildContext {
  dir;
  realDir;
  patterns;
  constructor(contextDir, dockerfileAbs) {
    this.dir = contextDir;
    let real;
    try {
      real = fs4.realpathSync(contextDir);
    } catch {
      real = void 0;
    }
    this.realDir = real;
    this.patterns = parseDockerignore(readIgnoreFile(contextDir, dockerfileAbs));
  }
  /** Normalise a COPY source to a context-relative path ('' for the root); `..` cannot leave the context. */
  static normalise(source) {
    return path4.posix.normalize(`/${source}`).slice(1).replace(/\/$/, "");
  }
  isIgnored(rel) {
    return rel !== "" && isIgnoredBy(this.patterns, rel);
  }
  /** Absolute real path of a context entry, or undefined when missing, ignored, or a symlink leading outside. */
  real(rel) {
    if (!this.realDir || this.isIgnored(rel)) return void 0;
    let real;
    try {
      real = fs4.realpathSync.native(path4.join(this.dir, rel));
    } catch {
      return void 0;
    }
    if (real !== this.realDir && !real.startsWith(this.realDir + path4.sep)) return void 0;
    return real;
  }
  kind(rel) {
    const real = this.real(rel);
    if (!real) return void 0;
    try {
      const st = fs4.statSync(real);
      if (st.isDirectory()) return "dir";
      if (st.isFile()) return "file";
    } catch {
    }
    return void 0;
  }
  /** Absolute path on disk (symlinks inside the context resolved), for a file that is in the build. */
  absPath(rel) {
    return this.kind(rel) === "file" ? this.real(rel) : void 0;
  }
  /** Names in a context directory that are part of the build. */
  list(relDir) {
    const real = this.real(relDir);
    if (!real) return [];
    let names;
    try {
      names = fs4.readdirSync(real);
    } catch {
      return [];
    }
    return names.filter((name) => !this.isIgnored(relDir === "" ? name : `${relDir}/${name}`)).sort();
  }
  /** Expand a COPY source with `*`, `?`, `[…]` (per path segment, as filepath.Match) to context paths. */
  glob(source) {
    const segments = _BuildContext.normalise(source).split("/").filter((s) => s !== "");
    let current = [""];
    for (const seg of segments) {
      const next = [];
      const wild = /[*?[]/.test(seg);
      const re = wild ? compileDockerPattern(seg) : void 0;
      for (const base of current) {
        if (!re) {
          const rel = base === "" ? seg : `${base}/${seg}`;
          if (this.kind(rel)) next.push(rel);
          continue;
        }
        for (const name of this.list(base)) if (re.test(name)) next.push(base === "" ? name : `${base}/${name}`);
      }
      current = next;
      if (current.length === 0) break;
    }
    return current;
  }
  /** Whether the file is executable: git's index when the file is tracked, else the file system. */
  mode(rel) {
    const real = this.real(rel);
    if (!real) return { executable: "unknown", source: "unknown" };
    const root = repoRootOf(path4.dirname(real));
    if (root) {
      const index = gitIndex(root);
      const key = path4.relative(root, real).split(path4.sep).join("/");
      const mode = index?.get(key);
      if (mode === "100755") return { executable: true, source: "git-index" };
      if (mode === "100644") return { executable: false, source: "git-index" };
    }
    if (process.platform === "win32") return { executable: "unknown", source: "unknown" };
    try {
      return { executable: (fs4.statSync(real).mode & 73) !== 0, source: "filesystem" };
    } catch {
      return { executable: "unknown", source: "unknown" };
    }
  }
};
function readIgnoreFile(contextDir, dockerfileAbs) {
  const candidates = dockerfileAbs ? [`${dockerfileAbs}.dockerignore`] : [];
  candidates.push(path4.join(contextDir, ".dockerignore"));
  for (const file of candidates) {
    try {
      return fs4.readFileSync(file, "utf8");
    } catch {
    }
  }
  return "";
}

// src/model/file-origin.ts
import path6 from "node:path";

// src/model/build-steps.ts
import path5 from "node:path";
var posix = path5.posix;
var VarHistory = class {
  /** The variables as they are now. */
  live = {};
  changes = /* @__PURE__ */ new Map();
  version = 0;
  set(name, value) {
    this.live[name] = value;
    let h = this.changes.get(name);
    if (!h) this.changes.set(name, h = []);
    const last = h[h.length - 1];
    if (last && last.version === this.version + 1) last.value = value;
    else h.push({ version: this.version + 1, value });
  }
  /** The variables as they are now, as a read-only view that later `set`s do not change. */
  snapshot() {
    const at = ++this.version;
    const lookup = (name) => {
      const h = this.changes.get(name);
      if (!h || h[0].version > at) return void 0;
      let lo = 0;
      let hi = h.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (h[mid].version <= at) lo = mid;
        else hi = mid - 1;
      }
      return h[lo];
    };
    return new Proxy({}, {
      get: (_t, name) => typeof name === "string" ? lookup(name)?.value : void 0,
      has: (_t, name) => typeof name === "string" && lookup(name) !== void 0,
      ownKeys: () => [...this.changes.keys()].filter((k) => lookup(k) !== void 0),
      getOwnPropertyDescriptor: (_t, name) => {
        const found = typeof name === "string" ? lookup(name) : void 0;
        return found ? { value: found.value, writable: false, enumerable: true, configurable: true } : void 0;
      },
      set: () => false
    });
  }
};
function buildSteps(model, stage) {
  const chain = [];
  for (let s = stage; s; s = s.parent !== void 0 ? model.stages[s.parent] : void 0) chain.unshift(s);
  const globals = {};
  for (const instr of model.instructions) {
    if (instr.stage !== -1 || instr.keyword !== "ARG") continue;
    for (const [name, value] of argDefault(instr)) globals[name] = model.buildArgs[name] ?? (value !== void 0 ? expandArgs(value, globals) : void 0);
  }
  const steps = [];
  let workdir = "/";
  const history = new VarHistory();
  const vars = history.live;
  for (const s of chain) {
    for (const instr of s.instructions) {
      steps.push({ instr, workdir, vars: history.snapshot() });
      if (instr.keyword === "WORKDIR") {
        const value = expandArgs(instr.text.trim(), vars);
        workdir = posix.resolve(workdir, value);
      } else if (instr.keyword === "ARG") {
        for (const [name, value] of argDefault(instr)) {
          history.set(name, model.buildArgs[name] ?? (value !== void 0 ? expandArgs(value, vars) : globals[name]));
        }
      } else if (instr.keyword === "ENV") {
        const props = instr.node.getProperties?.() ?? [];
        for (const p of props) history.set(p.getName(), expandArgs(p.getValue() ?? "", vars));
      }
    }
  }
  return { steps, final: { workdir, vars } };
}

// src/model/file-origin.ts
var posix2 = path6.posix;
function copyOperands(step) {
  const { instr } = step;
  let words;
  const text = instr.text.trim();
  if (text.startsWith("[")) {
    try {
      const parsed2 = JSON.parse(text);
      if (Array.isArray(parsed2) && parsed2.every((w) => typeof w === "string")) words = parsed2;
    } catch {
      words = void 0;
    }
  }
  words ??= text.split(/\s+/).filter((w) => w !== "");
  if (words.length < 2) return void 0;
  words = words.map((w) => w.startsWith("<<") ? w : expandArgs(w, step.vars));
  const rawDest = words[words.length - 1];
  if (rawDest.includes("$")) return void 0;
  const sources = words.slice(0, -1);
  const destIsDir = rawDest.endsWith("/") || rawDest === "." || rawDest.endsWith("/.") || sources.length > 1;
  const dest = posix2.resolve(step.workdir, rawDest);
  return { sources, dest, destIsDir };
}
var STANDARD_DIRS = /* @__PURE__ */ new Set([
  "/",
  "/bin",
  "/sbin",
  "/usr",
  "/usr/bin",
  "/usr/sbin",
  "/usr/local",
  "/usr/local/bin",
  "/usr/local/sbin",
  "/etc",
  "/opt",
  "/tmp",
  "/root",
  "/home",
  "/srv",
  "/var",
  "/var/lib",
  "/run"
]);
function knownDir(steps, k, dir) {
  if (STANDARD_DIRS.has(dir)) return true;
  const covers = (p) => p === dir || p.startsWith(`${dir}/`);
  for (let j = 0; j < k; j++) {
    const { instr, workdir } = steps[j];
    if (instr.keyword === "WORKDIR" && covers(steps[j + 1]?.workdir ?? "")) return true;
    if (instr.keyword !== "RUN") continue;
    for (const cmd of runCommands(instr)) {
      const words = programWords(cmd.words);
      if (words[0] !== "mkdir") continue;
      for (const w of words.slice(1)) {
        if (w.startsWith("-")) continue;
        if (covers(posix2.resolve(workdir, expandArgs(w, steps[j].vars)))) return true;
      }
    }
  }
  return false;
}
var URL_SOURCE = /^(https?:\/\/|git@|[a-z]+:\/\/)/i;
var ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
function applyChmod(mode, prior) {
  if (/^[0-7]{1,4}$/.test(mode)) return (parseInt(mode, 8) & 73) !== 0;
  let result = prior;
  for (const clause of mode.split(",")) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return "unknown";
    const who = m[1];
    const everyone = who === "" || who.includes("a") || who.includes("u") && who.includes("g") && who.includes("o");
    for (const op of m[2].match(/[-+=][rwxXst]*/g) ?? []) {
      const perms = op.slice(1);
      if (op[0] === "+" && perms.includes("x")) result = true;
      else if (op[0] === "-" && perms.includes("x") && everyone) result = false;
      else if (op[0] === "=" && perms.includes("x")) result = true;
      else if (op[0] === "=" && !perms.includes("X") && everyone) result = false;
    }
  }
  return result;
}
function operandCovers(operand, imagePath, recursive) {
  const dir = operand.replace(/\/+$/, "") || "/";
  if (operand === imagePath) return true;
  if (recursive && (dir === "/" || imagePath.startsWith(`${dir}/`))) return true;
  if (!/[*?[]/.test(operand)) return false;
  const re = compileDockerPattern(dir);
  if (re.test(imagePath)) return true;
  if (!recursive) return false;
  for (let p = posix2.dirname(imagePath); p !== "/"; p = posix2.dirname(p)) if (re.test(p)) return true;
  return false;
}
function runCommandsOn(steps, from, to, imagePath, programs) {
  const out = [];
  for (let j = from; j < to; j++) {
    const step = steps[j];
    if (step.instr.keyword !== "RUN") continue;
    let cwd = step.workdir;
    for (const cmd of runCommands(step.instr)) {
      let words = programWords(cmd.words).map((w) => expandArgs(w, step.vars));
      if (words[0] === "cd" && words[1] && !words[1].includes("$")) {
        cwd = posix2.resolve(cwd, words[1]);
        continue;
      }
      if (words[0] === "find") {
        const exec = words.findIndex((w) => w === "-exec" || w === "-execdir");
        const target = words[exec + 1];
        const root = words[1];
        if (exec < 0 || !target || !programs.has(posix2.basename(target)) || !root || root.startsWith("-")) continue;
        const nameIdx = words.indexOf("-name");
        const name = nameIdx >= 0 ? words[nameIdx + 1] : void 0;
        const rootAbs = posix2.resolve(cwd, root);
        if (!imagePath.startsWith(`${rootAbs.replace(/\/$/, "")}/`)) continue;
        if (name && !compileDockerPattern(name).test(posix2.basename(imagePath))) continue;
        words = words.slice(exec + 1).filter((w) => w !== "{}" && w !== ";" && w !== "+" && w !== "\\;");
        out.push({ instr: step.instr, words });
        continue;
      }
      if (words[0] === "xargs") words = words.slice(1).filter((w) => !w.startsWith("-"));
      const program = words[0] ? posix2.basename(words[0]) : "";
      if (!programs.has(program)) continue;
      const recursive = words.some((w) => /^-[a-zA-Z]*R/.test(w) || w === "--recursive");
      const operands = words.slice(1).filter((w) => !w.startsWith("-") || /^-[rwxXst]+$/.test(w));
      if (operands.some((o) => !o.includes("$") && operandCovers(posix2.resolve(cwd, o), imagePath, recursive))) {
        out.push({ instr: step.instr, words });
      }
    }
  }
  return out;
}
var CHMOD = /* @__PURE__ */ new Set(["chmod"]);
function applyRunChmods(steps, from, to, imagePath, mode) {
  let result = mode;
  for (const { words } of runCommandsOn(steps, from, to, imagePath, CHMOD)) {
    const modeWord = words.slice(1).find((w) => !/^-[a-zA-Z]+$/.test(w) && !w.startsWith("--"));
    if (!modeWord) continue;
    const executable = applyChmod(modeWord, result.executable);
    if (executable === "unknown") continue;
    result = { executable, source: "run-chmod" };
  }
  return result;
}
function flagMode(copy, prior) {
  const chmod = copy.flags.get("chmod");
  if (!chmod) return prior;
  const executable = applyChmod(chmod, "unknown");
  return executable === "unknown" ? { executable: "unknown", source: "unknown" } : { executable, source: "chmod-flag" };
}
var Resolver = class {
  constructor(model, ctx) {
    this.model = model;
    this.ctx = ctx;
  }
  model;
  ctx;
  stepsCache = /* @__PURE__ */ new Map();
  build(stage) {
    let build = this.stepsCache.get(stage.index);
    if (!build) {
      build = buildSteps(this.model, stage);
      this.stepsCache.set(stage.index, build);
    }
    return build;
  }
  stageRef(value) {
    const v = value.toLowerCase();
    if (/^\d+$/.test(v)) return this.model.stages[Number(v)];
    return this.model.stages.find((s) => s.name === v);
  }
  /**
   * Where the file at `imagePath` of `stage` comes from: the last COPY/ADD that writes it,
   * followed through `COPY --from=<stage>`. 'opaque' when it comes from somewhere we
   * cannot read (a URL, another image); undefined when no COPY writes it.
   */
  locate(stage, imagePath, depth = 0) {
    if (depth > 8) return "opaque";
    const { steps } = this.build(stage);
    for (let k = steps.length - 1; k >= 0; k--) {
      const step = steps[k];
      if (step.instr.keyword !== "COPY" && step.instr.keyword !== "ADD") continue;
      const ops = copyOperands(step);
      if (!ops) continue;
      const found = this.matchCopy(stage, steps, k, ops, imagePath, depth);
      if (found === void 0) continue;
      if (found === "opaque") return found;
      return { ...found, mode: applyRunChmods(steps, k + 1, steps.length, imagePath, found.mode) };
    }
    return void 0;
  }
  matchCopy(stage, steps, k, ops, imagePath, depth) {
    const copy = steps[k].instr;
    const { dest } = ops;
    const destIsDir = ops.destIsDir || knownDir(steps, k, dest);
    const under = (d) => imagePath.startsWith(`${d === "/" ? "" : d}/`) ? imagePath.slice(d === "/" ? 1 : d.length + 1) : void 0;
    const fromFlag = copy.flags.get("from");
    for (const source of [...ops.sources].reverse()) {
      const hd = /^<<-?(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1$/.exec(source);
      if (hd && copy.heredocs.length > 0) {
        const heredoc = copy.heredocs.find((h) => h.name === hd[2]);
        if (!heredoc) continue;
        const target = destIsDir ? posix2.join(dest, heredoc.name) : dest;
        if (target !== imagePath) continue;
        const content = source.startsWith("<<-") ? heredoc.content.replace(/^\t+/gm, "") : heredoc.content;
        return { kind: "heredoc", heredoc: { ...heredoc, content }, copy, mode: flagMode(copy, { executable: false, source: "heredoc" }) };
      }
      if (fromFlag !== void 0 && fromFlag !== null) {
        const fromStage = this.stageRef(expandArgs(fromFlag, steps[k].vars));
        const fileTarget = !destIsDir && imagePath === dest;
        const dirTarget = imagePath === posix2.join(dest, posix2.basename(source));
        const rel = under(dest);
        if (!fileTarget && !dirTarget && rel === void 0) continue;
        if (!fromStage || /[*?[]/.test(source)) return "opaque";
        const srcAbs = posix2.resolve("/", source);
        const candidates = [fileTarget || dirTarget ? srcAbs : void 0, rel !== void 0 ? posix2.join(srcAbs, rel) : void 0];
        for (const c of candidates) {
          if (!c) continue;
          const origin = this.locate(fromStage, c, depth + 1);
          if (origin === void 0) continue;
          if (origin === "opaque") return origin;
          return { ...origin, copy, mode: flagMode(copy, origin.mode) };
        }
        if (fileTarget || dirTarget) return "opaque";
        continue;
      }
      if (URL_SOURCE.test(source)) {
        if (imagePath === dest || imagePath === posix2.join(dest, posix2.basename(source.replace(/[?#].*$/, "")))) return "opaque";
        continue;
      }
      const matches = /[*?[]/.test(source) ? this.ctx.glob(source) : [BuildContext.normalise(source)];
      const multi = destIsDir || matches.length > 1;
      for (const rel of matches) {
        const kind = this.ctx.kind(rel);
        if (!kind) continue;
        if (kind === "dir") {
          const inner = under(dest);
          if (inner === void 0) continue;
          const candidate = rel === "" ? inner : `${rel}/${inner}`;
          if (this.ctx.kind(candidate) === "file") return this.contextOrigin(candidate, copy);
          continue;
        }
        if (copy.keyword === "ADD" && ARCHIVE.test(rel)) continue;
        const asFile = !multi && imagePath === dest;
        const inDir = imagePath === posix2.join(dest, posix2.basename(rel));
        if (asFile || inDir) return this.contextOrigin(rel, copy);
      }
    }
    return void 0;
  }
  contextOrigin(rel, copy) {
    return { kind: "context", rel, copy, mode: flagMode(copy, this.ctx.mode(rel)) };
  }
};
function writerOf(model, paths) {
  const wanted = [...new Set(paths.filter((p) => p.startsWith("/")).map((p) => posix2.normalize(p)))];
  if (wanted.length === 0) return void 0;
  let steps;
  try {
    steps = buildSteps(model, model.finalStage).steps;
  } catch {
    return void 0;
  }
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    const { keyword } = step.instr;
    if (keyword === "COPY" || keyword === "ADD") {
      const ops = copyOperands(step);
      if (!ops) continue;
      const dest = ops.dest;
      const under = (p) => dest === "/" || p.startsWith(`${dest}/`);
      if (wanted.some((p) => p === dest || under(p))) return step.instr;
    } else if (keyword === "RUN") {
      if (wanted.some((p) => mentions(step.instr.text, p))) return step.instr;
    }
  }
  return void 0;
}
function mentions(text, p) {
  let from = 0;
  for (; ; ) {
    const at = text.indexOf(p, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + p.length];
    if ((before === void 0 || /[\s"'=:;(]/.test(before)) && (after === void 0 || /[\s"';)&|>]/.test(after))) return true;
    from = at + 1;
  }
}

// src/shell/command-string.ts
function wordText(word) {
  if (isQuotedAllArgs(word)) return "$@";
  return staticValue(word) ?? word.raw;
}
function parseScript(script) {
  return parseShell(script);
}
function lastCommand(script) {
  const stmts = parseScript(script);
  const stmt = stmts[stmts.length - 1];
  if (!stmt) return void 0;
  const { first, rest } = stmt.andOr;
  const tail = rest[rest.length - 1];
  const pipeline = tail ? tail.pipeline : first;
  const cmd = pipeline.commands[pipeline.commands.length - 1];
  if (!cmd) return void 0;
  const count2 = stmts.reduce((n, s) => n + 1 + s.andOr.rest.length, 0);
  const before = rest.length > 1 ? rest[rest.length - 2].pipeline : first;
  const beforeCmd = before.commands[before.commands.length - 1];
  const execBefore = beforeCmd?.kind === "simple" && staticValue(beforeCmd.words[0]) === "exec";
  const detached = stmt.background || pipeline.commands.length > 1 || pipeline.negated || tail?.op === "||" && !execBefore;
  if (cmd.kind !== "simple") return { words: [], detached, redirect: cmd.kind !== "function" && cmd.redirs.length > 0, count: count2 };
  return { simple: cmd, words: cmd.words.map(wordText), detached, redirect: cmd.redirs.length > 0, count: count2 };
}
function trapsTerm(script) {
  let found = false;
  walkCommands(parseScript(script), (cmd) => {
    if (cmd.kind !== "simple" || staticValue(cmd.words[0]) !== "trap") return;
    if (cmd.words.slice(2).some((w) => /^(SIG)?TERM$|^15$/i.test(staticValue(w) ?? ""))) found = true;
  });
  return found;
}
function execsLastExplicitly(script) {
  const last = lastCommand(script);
  return !!last && !last.detached && last.words[0] === "exec" && last.words.length > 1;
}
function execsLastImplicitly(script, shell) {
  if (shell === "dash" || shell === "unknown") return false;
  const last = lastCommand(script);
  if (!last?.simple || last.detached || trapsTerm(script)) return false;
  if (shell === "ash") return true;
  return !last.redirect;
}
function plain(parts) {
  return parts.every((p) => p.type === "lit" ? !/[*?[~]/.test(p.text) : p.type === "sq" || p.type === "dq" && plain(p.parts));
}
function asExecForm(script) {
  const last = lastCommand(script);
  if (!last?.simple || last.count !== 1 || last.detached || last.redirect || last.simple.assigns.length > 0) return void 0;
  if (!last.simple.words.every((w) => plain(w.parts))) return void 0;
  const words = last.simple.words.map((w) => staticValue(w));
  if (words[0] === "exec") words.shift();
  return words.length > 0 ? words : void 0;
}
function firstWord(script) {
  const stmt = parseScript(script)[0];
  const cmd = stmt?.andOr.first.commands[0];
  const word = cmd?.kind === "simple" ? cmd.words[0] : void 0;
  return word && wordText(word);
}

// src/shell/shebang.ts
var MAX_LINE = 256;
var baseName = (p) => p.slice(p.lastIndexOf("/") + 1);
function envTarget(arg) {
  if (!arg) return void 0;
  const clean = arg.replace(/\r$/, "");
  if (clean.startsWith("-S")) {
    const words = clean.slice(2).trim().split(/[ \t]+/).filter(Boolean);
    const at = words.findIndex((w) => !w.startsWith("-") && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    return at >= 0 ? { program: words[at], args: words.slice(at + 1), unsplit: false } : void 0;
  }
  if (clean.startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(clean)) return void 0;
  return { program: clean, args: [], unsplit: /[ \t]/.test(clean) };
}
function parseShebang(head) {
  const text = typeof head === "string" ? head : head.subarray(0, MAX_LINE + 2).toString("latin1");
  if (!text.startsWith("#!")) return void 0;
  let end = text.indexOf("\n");
  if (end < 0) end = Math.min(text.length, MAX_LINE);
  let body = text.slice(2, end);
  const crlf = body.endsWith("\r");
  const line = `#!${body.replace(/\r$/, "")}`;
  let stop = body.length;
  while (stop > 0 && (body[stop - 1] === " " || body[stop - 1] === "	")) stop--;
  body = body.slice(0, stop);
  const trimmed = body.replace(/^[ \t]+/, "");
  const m = /^([^ \t]*)(?:[ \t]+(.*))?$/s.exec(trimmed);
  const interpreter = m?.[1] ?? "";
  const rawArg = m?.[2]?.replace(/^[ \t]+/, "");
  const arg = rawArg === "" ? void 0 : rawArg;
  const bare = interpreter.replace(/\r$/, "");
  const viaEnv = baseName(bare) === "env";
  let program = baseName(bare);
  let args = arg ? arg.replace(/\r$/, "").split(/[ \t]+/).filter(Boolean) : [];
  if (viaEnv) {
    const target = envTarget(arg);
    const words = target?.unsplit ? target.program.split(/[ \t]+/) : void 0;
    program = baseName(words ? words[0] : target?.program ?? "");
    args = words ? words.slice(1) : target?.args ?? [];
  }
  return { line, interpreter, arg, crlf, program, args, viaEnv };
}

// src/shell/script.ts
var SHELLS = {
  sh: "sh",
  bash: "bash",
  dash: "dash",
  ash: "ash",
  busybox: "busybox",
  zsh: "zsh",
  ksh: "ksh",
  ksh93: "ksh",
  mksh: "ksh",
  pdksh: "ksh",
  "bash5": "bash"
};
function shellName(program) {
  const base = program.slice(program.lastIndexOf("/") + 1);
  return SHELLS[base];
}
function binShDialect(family2) {
  switch (family2) {
    case "debian":
    case "ubuntu":
      return "dash";
    case "alpine":
    case "busybox":
    case "wolfi":
    case "distroless":
      return "busybox";
    case "rhel":
      return "bash";
    default:
      return "posix";
  }
}
function scriptDialect(shebang, family2, invokedWith) {
  let shell;
  let declared;
  if (invokedWith !== void 0) {
    shell = shellName(invokedWith);
    declared = `${invokedWith} <script>`;
  } else if (shebang) {
    shell = shellName(shebang.program);
    if (shell === "busybox" && shebang.args[0] !== void 0 && shebang.args[0] !== "sh" && shebang.args[0] !== "ash") shell = void 0;
    declared = shebang.line;
  } else {
    shell = "sh";
    declared = "no shebang (/bin/sh)";
  }
  if (!shell) return void 0;
  let dialect;
  switch (shell) {
    case "sh":
      dialect = binShDialect(family2);
      break;
    case "dash":
      dialect = "dash";
      break;
    case "ash":
    case "busybox":
      dialect = "busybox";
      break;
    case "bash":
      dialect = "bash";
      break;
    case "zsh":
      dialect = "zsh";
      break;
    case "ksh":
      dialect = "ksh";
      break;
  }
  return { shell, dialect, declared, posix: shell === "sh" || shell === "dash" || shell === "ash" || shell === "busybox" };
}
function shebangFlags(shebang) {
  const out = /* @__PURE__ */ new Set();
  if (!shebang) return out;
  const args = shebang.args[0] === "sh" && shebang.program === "busybox" ? shebang.args.slice(1) : shebang.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^-([A-Za-z]+)$/.exec(a);
    if (!m) continue;
    for (const ch of m[1]) if (ch !== "o") out.add(ch);
    if (m[1].includes("o") && args[i + 1] !== void 0) {
      const name = args[++i];
      if (name === "errexit") out.add("e");
      if (name === "nounset") out.add("u");
    }
  }
  return out;
}
function analyzeScript(raw) {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const { starts: lineStarts2, lineAt: lineIndex } = lineStarts(text);
  const { tokens: tokens2, comments } = tokenize(text);
  const body = parseTokens(tokens2);
  const analysis = {
    text,
    tokens: tokens2,
    comments,
    body,
    functions: collectFunctions(body),
    lineCount: text.endsWith("\n") ? lineStarts2.length - 1 : lineStarts2.length,
    lineOf: (offset) => lineIndex(offset) + 1,
    columnOf: (offset) => offset - lineStarts2[lineIndex(offset)] + 1
  };
  const shebang = parseShebang(text);
  if (shebang) analysis.shebang = shebang;
  return analysis;
}

// src/model/programs.ts
import path7 from "node:path";
function baseName2(word) {
  return path7.posix.basename(word.replace(/\/+$/, ""));
}
var INITS = {
  tini: "tini",
  "tini-static": "tini",
  "docker-init": "tini",
  "dumb-init": "dumb-init",
  catatonit: "catatonit"
};
var PRIVDROP = /* @__PURE__ */ new Set(["gosu", "su-exec", "setpriv", "s6-setuidgid", "chroot", "su", "sudo", "runuser", "chpst", "s6-applyuidgid"]);
var SHELLS2 = /* @__PURE__ */ new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "fish", "busybox"]);
var PASSTHROUGH = /* @__PURE__ */ new Set(["env", "nice", "ionice", "taskset", "stdbuf", "numactl", "setsid", "exec"]);
var PACKAGE_MANAGERS = /* @__PURE__ */ new Set(["npm", "yarn", "pnpm", "npx", "pnpx", "corepack"]);
function knownProgram(word) {
  if (word === "/init") return { role: "init", name: "s6-overlay", supervisor: true };
  const name = baseName2(word);
  const init = INITS[name] ?? INITS[name.replace(/[-_](static[-_])?(amd64|arm64|armhf|armel|i386|x86_64|aarch64|ppc64le|s390x|muslc?[-_]\w+)$/, "").replace(/_[\d.]+_\w+$/, "")];
  if (init) return { role: "init", name: init };
  if (PRIVDROP.has(name)) return { role: "privdrop", name };
  if (SHELLS2.has(name)) return { role: "shell", name };
  if (PASSTHROUGH.has(name)) return { role: "passthrough", name };
  if (PACKAGE_MANAGERS.has(name)) return { role: "package-manager", name };
  return void 0;
}
var VALUE_FLAGS = {
  tini: /* @__PURE__ */ new Set(["-p", "-e", "-r", "--rewrite", "-l"]),
  "dumb-init": /* @__PURE__ */ new Set(["-r", "--rewrite"]),
  catatonit: /* @__PURE__ */ new Set([]),
  setpriv: /* @__PURE__ */ new Set([
    "--reuid",
    "--regid",
    "--ruid",
    "--rgid",
    "--euid",
    "--egid",
    "--groups",
    "--inh-caps",
    "--ambient-caps",
    "--bounding-set",
    "--securebits",
    "--pdeathsig",
    "--selinux-label",
    "--apparmor-profile",
    "--landlock-access",
    "--landlock-rule"
  ]),
  chroot: /* @__PURE__ */ new Set(["--userspec", "--groups"]),
  env: /* @__PURE__ */ new Set(["-u", "--unset", "-C", "--chdir", "-S", "--split-string"]),
  nice: /* @__PURE__ */ new Set(["-n", "--adjustment"]),
  ionice: /* @__PURE__ */ new Set(["-c", "--class", "-n", "--classdata", "-p", "--pid", "-P", "--pgid", "-u", "--uid"]),
  stdbuf: /* @__PURE__ */ new Set(["-i", "-o", "-e", "--input", "--output", "--error"]),
  numactl: /* @__PURE__ */ new Set(["-m", "--membind", "-N", "--cpunodebind", "-C", "--physcpubind", "-i", "--interleave", "-p", "--preferred"]),
  sudo: /* @__PURE__ */ new Set(["-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-T", "--command-timeout", "-U", "--other-user"]),
  runuser: /* @__PURE__ */ new Set(["-u", "--user", "-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"]),
  su: /* @__PURE__ */ new Set(["-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"]),
  chpst: /* @__PURE__ */ new Set(["-u", "-U", "-b", "-e", "-/", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c"])
};
var OPERANDS = { gosu: 1, "su-exec": 1, "s6-setuidgid": 1, "s6-applyuidgid": 0, chroot: 1, taskset: 1, setpriv: 0, chpst: 0, runuser: 0, sudo: 0 };
function execThrough(argv, i) {
  const program = knownProgram(argv[i] ?? "");
  if (!program || program.role === "shell" || program.role === "package-manager") return void 0;
  const name = program.name;
  if (name === "exec") return { program, next: i + 1 };
  const valueFlags = VALUE_FLAGS[name] ?? /* @__PURE__ */ new Set();
  let j = i + 1;
  let group = false;
  let single = false;
  let command;
  while (j < argv.length) {
    const w = argv[j];
    if (w === "--") {
      j++;
      break;
    }
    if (name === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      j++;
      continue;
    }
    if (!w.startsWith("-") || w === "-") {
      if (w === "-" && (name === "su" || name === "runuser")) {
        j++;
        continue;
      }
      break;
    }
    if ((name === "su" || name === "runuser") && (w === "-c" || w === "--command" || w.startsWith("--command="))) {
      command = w.startsWith("--command=") ? w.slice("--command=".length) : argv[j + 1];
      j += w.startsWith("--command=") ? 1 : 2;
      continue;
    }
    if (name === "tini" && /^-[a-zA-Z]*g/.test(w)) group = true;
    if (name === "dumb-init" && (w === "-c" || w === "--single-child")) single = true;
    j += valueFlags.has(w) ? 2 : 1;
  }
  if (name === "su" || name === "runuser") {
    const user = argv[j];
    return { program, next: user === void 0 ? j : j + 1, ...command !== void 0 ? { command } : {} };
  }
  const operands = OPERANDS[name] ?? 0;
  j = Math.min(argv.length, j + operands);
  const out = { program, next: j };
  if (name === "dumb-init") out.groupSignals = !single;
  if (name === "s6-overlay") out.groupSignals = true;
  if (name === "tini") out.groupSignals = group;
  return out;
}
var SHELL_VALUE_OPTS = /^[-+][a-zA-Z]*[oO]$/;
function shellInvocation(argv, i) {
  let j = i + 1;
  if (baseName2(argv[i] ?? "") === "busybox" && argv[j] !== void 0 && SHELLS2.has(argv[j])) j++;
  let commandString = false;
  while (j < argv.length && /^[-+]/.test(argv[j])) {
    const opt = argv[j];
    j++;
    if (opt === "--" || opt === "-") break;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(opt)) commandString = true;
    if (SHELL_VALUE_OPTS.test(opt)) j++;
  }
  if (commandString) return argv[j] === void 0 ? {} : { command: { text: argv[j], index: j } };
  return argv[j] === void 0 ? {} : { script: { word: argv[j], index: j } };
}
function commandStringAt(argv, i) {
  let k = i;
  if (knownProgram(argv[k] ?? "")?.name === "env") k = execThrough(argv, k).next;
  if (knownProgram(argv[k] ?? "")?.role !== "shell") return void 0;
  return shellInvocation(argv, k).command?.index;
}
function interpreterOf(word) {
  const name = baseName2(word);
  if (name === "sh" || name === "ash") return "sh";
  if (name === "bash" || name === "zsh" || name === "ksh" || name === "dash" || name === "fish") return name;
  if (/^python(\d+(\.\d+)?)?$/.test(name)) return "python";
  if (name === "node" || name === "nodejs") return "node";
  if (/^ruby(\d+(\.\d+)?)?$/.test(name)) return "ruby";
  if (/^perl(\d+(\.\d+)*)?$/.test(name)) return "perl";
  if (/^php(\d+(\.\d+)?)?$/.test(name)) return "php";
  return void 0;
}
function interpreterPackage(program) {
  const interp = interpreterOf(program);
  if (interp === "python") return "python3";
  if (interp === "node") return "nodejs";
  return interp ?? program;
}
function isExtraShell(program) {
  const name = baseName2(program);
  return knownProgram(name)?.role === "shell" && !["sh", "ash", "dash", "busybox"].includes(name);
}
var STOP_SIGNALS = [
  {
    match: /^nginx$/,
    stop: { name: "nginx", graceful: "SIGQUIT", abortive: ["SIGTERM", "SIGINT"], why: "SIGQUIT is a graceful shutdown (workers finish the requests they have); SIGTERM and SIGINT are a fast shutdown that closes open connections", source: "https://nginx.org/en/docs/control.html" }
  },
  {
    match: /^php-fpm[\d.]*$/,
    stop: { name: "php-fpm", graceful: "SIGQUIT", abortive: ["SIGTERM", "SIGINT"], why: "SIGQUIT is a graceful stop (children finish their requests); SIGTERM and SIGINT terminate immediately", source: "php-fpm(8)" }
  },
  {
    // Apache in a container runs in the foreground: `-DFOREGROUND` (the official image's httpd-foreground) or `-X`.
    match: /^(?:httpd|apache2)$/,
    args: /(?:^|\s)-(?:D\s*FOREGROUND|X)(?:\s|$)/,
    stop: { name: "Apache httpd", graceful: "SIGWINCH", abortive: ["SIGTERM", "SIGINT"], why: "SIGWINCH is a graceful stop (children finish their requests); SIGTERM stops at once and kills the children mid-request", source: "https://httpd.apache.org/docs/2.4/stopping.html" }
  },
  {
    match: /^(?:postgres|postmaster)$/,
    stop: { name: "PostgreSQL", graceful: "SIGINT", abortive: ["SIGQUIT"], why: "SIGINT is the fast shutdown that rolls back open transactions and exits cleanly; SIGTERM (smart) waits for every client to disconnect, and SIGQUIT exits without a clean shutdown (crash recovery at the next start)", source: "https://www.postgresql.org/docs/current/server-shutdown.html" }
  },
  {
    match: /^haproxy$/,
    stop: { name: "HAProxy", graceful: "SIGUSR1", abortive: ["SIGTERM", "SIGINT"], why: "SIGUSR1 is a soft stop (it stops listening and finishes the connections it has); SIGTERM and SIGINT stop immediately", source: "https://docs.haproxy.org/2.8/management.html#4" }
  },
  {
    match: /^unicorn(?:_rails)?$/,
    stop: { name: "unicorn", graceful: "SIGQUIT", abortive: ["SIGTERM", "SIGINT"], why: "SIGQUIT is a graceful shutdown (workers finish their requests); SIGTERM and SIGINT are a quick shutdown that kills the workers", source: "https://yhbt.net/unicorn/SIGNALS.html" }
  },
  {
    match: /^gunicorn$/,
    stop: { name: "Gunicorn", graceful: "SIGTERM", abortive: ["SIGQUIT", "SIGINT"], why: "SIGTERM is a graceful shutdown (workers finish their requests within --graceful-timeout); SIGQUIT and SIGINT are a quick shutdown", source: "https://docs.gunicorn.org/en/stable/signals.html" }
  }
];
function stopSignalsOf(word, args = []) {
  const name = baseName2(word).replace(/:$/, "");
  return STOP_SIGNALS.find((s) => s.match.test(name) && (!s.args || s.args.test(args.join(" "))))?.stop;
}

// src/model/start-chain.ts
function shellKind(shellPath, base) {
  if (lacksShell(base)) return "none";
  const name = shellName(shellPath);
  const dialect = name === "sh" ? binShDialect(base.family) : name;
  switch (dialect) {
    case "bash":
    case "dash":
      return dialect;
    case "ash":
    case "busybox":
      return "ash";
    default:
      return "unknown";
  }
}
function execsArgs(text) {
  return simpleCommands(text).some(({ words }) => {
    let k = words[0] === "exec" ? 1 : 0;
    for (let guard = 0; guard < 8 && k < words.length; guard++) {
      const through = execThrough(words, k);
      if (!through || through.command !== void 0) break;
      k = through.next;
    }
    return (words[k] === "$@" || words[k] === "${@}") && k === words.length - 1;
  });
}
var INHERITED_ENTRYPOINT = /^docker-entrypoint(\.sh)?$/;
var ChainWalker = class {
  constructor(model, finder) {
    this.model = model;
    this.finder = finder;
  }
  model;
  finder;
  links = [];
  /** Which part (ENTRYPOINT or CMD) holds index k of the top-level argv. */
  partAt(k) {
    const { entrypoint, cmd, executableFrom } = this.model.start;
    if (entrypoint && entrypoint.form === "exec") return k < entrypoint.argv.length ? entrypoint : cmd ?? entrypoint;
    return entrypoint ?? cmd ?? executableFrom;
  }
  /**
   * Walk argv from its first word. `offset` maps indices to model.start.argv (undefined for
   * words read out of a shell string, whose part is `fixedPart`).
   */
  walk(argv, offset, fixedPart, depth) {
    let i = 0;
    while (i < argv.length && depth < 6 && this.links.length < 32) {
      const word = argv[i];
      const part = fixedPart ?? this.partAt(offset + i);
      const at = (k) => offset === void 0 ? {} : { index: offset + k };
      const known = knownProgram(word);
      if (known?.name === "busybox" && knownProgram(argv[i + 1] ?? "")?.role !== "shell") {
        this.links.push({ kind: "program", word, name: argv[i + 1] ?? "busybox", argv: argv.slice(i), part, ...at(i) });
        return;
      }
      if (known && known.role !== "shell" && known.role !== "package-manager") {
        const through = execThrough(argv, i);
        const staysParent = known.name === "su" || known.name === "sudo" || known.name === "runuser";
        this.links.push({
          kind: known.role,
          word,
          name: known.name,
          argv: argv.slice(i, through.next),
          part,
          ...at(i),
          ...through.groupSignals !== void 0 ? { groupSignals: through.groupSignals } : {},
          ...staysParent ? { staysParent } : {}
        });
        if (through.command !== void 0) {
          this.commandString("/bin/sh", through.command, ["/bin/sh", "-c", through.command], {}, part, depth);
          return;
        }
        i = through.next;
        continue;
      }
      if (known?.role === "shell") {
        const inv = shellInvocation(argv, i);
        if (inv.command) {
          const rest = this.commandString(word, inv.command.text, argv.slice(i, inv.command.index + 1), at(i), fixedPart ?? this.partAt(offset + inv.command.index), depth, inv.command.index);
          if (rest === void 0) return;
          i = rest;
          continue;
        }
        if (inv.script) {
          const wrapper2 = this.finder.script(inv.script.word, word);
          const forwards = wrapper2 !== void 0 && execsArgs(wrapper2.text);
          this.links.push({
            kind: "script",
            word: inv.script.word,
            name: baseName2(inv.script.word),
            argv: argv.slice(i, inv.script.index + 1),
            part: fixedPart ?? this.partAt(offset + inv.script.index),
            ...at(inv.script.index),
            interpreter: word,
            ...wrapper2 ? { wrapper: wrapper2 } : {},
            forwards
          });
          if (!forwards) return;
          i = inv.script.index + 1;
          continue;
        }
        this.links.push({ kind: "program", word, name: known.name, argv: argv.slice(i), part, ...at(i) });
        return;
      }
      const wrapper = known ? void 0 : this.finder.script(word);
      const inherited = !wrapper && INHERITED_ENTRYPOINT.test(baseName2(word));
      if (wrapper || inherited) {
        const forwards = wrapper ? execsArgs(wrapper.text) : true;
        this.links.push({ kind: "script", word, name: baseName2(word), argv: [word], part, ...at(i), ...wrapper ? { wrapper } : {}, forwards });
        if (!forwards) return;
        i++;
        continue;
      }
      this.links.push({ kind: "program", word, name: known?.name ?? baseName2(word), argv: argv.slice(i), part, ...at(i) });
      return;
    }
  }
  /**
   * A shell running a command string: the shell link, then the command it ends with. Returns
   * the argv index to continue at when the string ends in `exec "$@"` (the words after $0).
   */
  commandString(shell, text, argv, at, part, depth, commandIndex) {
    const kind = shellKind(shell, this.model.base);
    const link = {
      kind: "shell",
      word: shell,
      name: baseName2(shell),
      argv,
      part,
      ...at,
      command: text,
      shellKind: kind,
      replaced: false
    };
    this.links.push(link);
    const expanded = expandArgs(text, this.finder.vars);
    for (const f of sourcedFiles(expanded)) this.finder.sourced(f);
    const last = lastCommand(expanded);
    if (!last?.simple || last.detached) return void 0;
    let words = last.words;
    const explicit = words[0] === "exec";
    if (explicit) words = words.slice(1);
    link.replaced = explicit && words.length > 0 || kind !== "none" && kind !== "unknown" && execsLastImplicitly(expanded, kind);
    if (words.length === 0 || words[0] === "." || words[0] === "source") return void 0;
    if (words.length === 1 && words[0] === "$@" && commandIndex !== void 0) return commandIndex + 2;
    this.walk(words, void 0, link.part, depth + 1);
    return void 0;
  }
};
function computeStartChain(model, finder) {
  if (model.windows || model.start.argv.length === 0) return { links: [] };
  const walker = new ChainWalker(model, finder);
  walker.walk(model.start.argv, 0, void 0, 0);
  const links = walker.links;
  const last = links[links.length - 1];
  const program = last && last.kind !== "init" && last.kind !== "privdrop" && last.kind !== "passthrough" ? last : void 0;
  return { links, ...program ? { program } : {} };
}
function chainInit(chain) {
  const first = chain.links.find((l) => l.kind !== "passthrough");
  return first?.kind === "init" ? first : void 0;
}
function appCommand(model) {
  const program = model.startChain.program;
  if (!program || program.argv.length === 0) return void 0;
  return { words: program.argv, part: program.part, viaShell: program.index === void 0 };
}
function shellLinkOf(model, part) {
  return model.startChain.links.find((l) => l.kind === "shell" && l.part === part && l.command !== void 0);
}
function reachedByForwarding(model, link) {
  for (const l of model.startChain.links) {
    if (l === link) return true;
    if (l.kind === "script" && !l.forwards) return false;
    if (l.kind === "shell" || l.kind === "program") return false;
  }
  return false;
}
function forwardingWrapper(model) {
  const ep = model.start.entrypoint;
  if (!ep || ep.form !== "exec") return void 0;
  const link = model.startChain.links.find((l) => l.kind === "script" && l.forwards && l.wrapper && l.part === ep);
  if (!link?.wrapper) return void 0;
  const commands = simpleCommands(link.wrapper.text).filter(({ words }) => words.some((w) => /\$(\{)?[@*]/.test(w)));
  const line = (commands[commands.length - 1]?.line ?? 1) + link.wrapper.lineOffset;
  return { link, wrapper: link.wrapper, line };
}

// src/model/wrappers.ts
var posix3 = path8.posix;
var MAX_BYTES2 = 16 * 1024 * 1024;
var SCRIPT_DIR_PREFIX = /^(?:\$\(\s*dirname\s+(?:--\s+)?"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)"?\s*\)|\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}|\$\(\s*cd\s+"?\$\(\s*dirname\s+(?:--\s+)?"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\})"?\s*\)"?\s*&&\s*pwd(?:\s+-P)?\s*\))\//;
function looksLikeScript(text, imagePath) {
  if (/^(\uFEFF)?#!/.test(text)) return true;
  const name = posix3.basename(imagePath);
  return /\.(sh|bash|ksh|zsh|ash)$/.test(name) || !name.includes(".");
}
var WrapperCollector = class {
  constructor(model, resolver) {
    this.model = model;
    this.resolver = resolver;
    const final = resolver.build(model.finalStage).final;
    this.vars = final.vars;
    this.workdir = final.workdir;
    this.searchPath = model.start.path ?? DEFAULT_PATH;
    this.cwdBase = posix3.dirname(model.file.split(path8.sep).join("/"));
  }
  model;
  resolver;
  found = [];
  vars;
  workdir;
  searchPath;
  cwdBase;
  script(word, interpreter) {
    return this.add({ word, ...interpreter ? { interpreter } : {} });
  }
  sourced(word) {
    this.add({ word, sourced: true });
  }
  candidates(target) {
    let word = target.word;
    if (target.scriptDir) {
      const m = SCRIPT_DIR_PREFIX.exec(word);
      if (m) word = posix3.join(target.scriptDir, word.slice(m[0].length));
    }
    if (word.includes("$") || word.includes("`") || word === "") return [];
    if (word.startsWith("/")) return [posix3.normalize(word)];
    if (word.includes("/")) return [posix3.resolve(this.workdir, word)];
    const inPath = this.searchPath.filter((d) => d.startsWith("/")).map((d) => posix3.join(d, word));
    const here = posix3.join(this.workdir, word);
    if (target.interpreter) return [here, ...inPath];
    return target.sourced ? [...inPath, here] : inPath;
  }
  add(target, depth = 0) {
    for (const imagePath of this.candidates(target)) {
      const existing = this.found.find((w) => w.imagePath === imagePath);
      if (existing) return existing;
      const origin = this.resolver.locate(this.model.finalStage, imagePath);
      if (origin === "opaque") return void 0;
      if (!origin) continue;
      const script = this.load(origin, imagePath, target);
      if (!script) return void 0;
      if (!target.sourced && !target.interpreter && !looksLikeScript(script.text, imagePath)) return void 0;
      this.found.push(script);
      if (depth < 4) this.followSources(script, depth + 1);
      return script;
    }
    return void 0;
  }
  followSources(script, depth) {
    for (const word of sourcedFiles(script.text)) {
      this.add({ word, sourced: true, scriptDir: posix3.dirname(script.imagePath) }, depth);
    }
  }
  load(origin, imagePath, target) {
    const role = target.sourced ? "sourced" : "start";
    if (origin.kind === "heredoc") {
      return {
        imagePath,
        file: this.model.file,
        text: origin.heredoc.content.endsWith("\n") ? origin.heredoc.content : `${origin.heredoc.content}
`,
        lineOffset: origin.heredoc.contentLine - 1,
        role,
        ...target.interpreter ? { interpreter: target.interpreter } : {},
        mode: origin.mode,
        copy: origin.copy
      };
    }
    const absPath = this.resolver.ctx.absPath(origin.rel);
    if (!absPath) return void 0;
    const display = posix3.normalize(
      posix3.join(this.cwdBase, path8.relative(path8.dirname(this.model.absPath), absPath).split(path8.sep).join("/"))
    );
    const text = readScript(absPath, display);
    if (text === void 0) return void 0;
    return {
      imagePath,
      file: display,
      absPath,
      text,
      lineOffset: 0,
      role,
      ...target.interpreter ? { interpreter: target.interpreter } : {},
      mode: origin.mode,
      copy: origin.copy
    };
  }
};
function readScript(absPath, display) {
  let bytes;
  try {
    const stat = fs5.statSync(absPath);
    if (stat.size > MAX_BYTES2) throw new InputError(`wrapper script ${display} is ${Math.round(stat.size / 1048576)} MB; files over 16 MB are not analysed`);
    bytes = fs5.readFileSync(absPath);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`wrapper script ${display} cannot be read (${err.code ?? "error"})`);
  }
  if (bytes.toString("latin1").trim() === "") return bytes.toString("latin1");
  if (bytes.subarray(0, 4).equals(Buffer.from([127, 69, 76, 70])) || bytes.includes(0)) return void 0;
  const bom = bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
  if (bom && bytes.length === 3) return "\uFEFF";
  return (bom ? "\uFEFF" : "") + decodeText(bom ? bytes.subarray(3) : bytes, display, "wrapper script");
}
function resolveStart(model) {
  if (model.windows || model.start.argv.length === 0) return { chain: { links: [] }, wrappers: [] };
  const ctx = new BuildContext(model.contextDir, model.absPath);
  const collector = new WrapperCollector(model, new Resolver(model, ctx));
  const chain = computeStartChain(model, collector);
  return { chain, wrappers: collector.found };
}

// src/model/parse.ts
var KNOWN = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
function parseDockerfile(input) {
  const text = input.text.replace(/^\uFEFF/, "");
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const astText = text.replace(/\r\n/g, "\n").replace(/\r/g, " ");
  if (astText.split("\n").every((l) => /^[ \t]*(#|$)/.test(l))) {
    throw new InputError(`${input.file}: no FROM instruction; this is not a Dockerfile`);
  }
  const ast = import_dockerfile_ast.DockerfileParser.parse(astText);
  const escapeChar = ast.getEscapeCharacter();
  const buildArgs = input.buildArgs ?? {};
  const stages = [];
  const instructions = [];
  const globalArgs = {};
  let current;
  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const line = node.getRange().start.line + 1;
    if (!KNOWN.has(keyword)) {
      throw new InputError(`${input.file}:${line}: unknown instruction ${JSON.stringify(node.getKeyword())}; this is not a valid Dockerfile`);
    }
    if (keyword === "FROM") {
      const index = stages.length;
      const instr2 = toInstr(node, index, lines, escapeChar);
      const from = node;
      const fromText = (from.getImage() ?? instr2.args[0] ?? "").trim();
      const resolved2 = expandArgs(fromText, globalArgs);
      const stageName = from.getBuildStage()?.toLowerCase() ?? void 0;
      const parent = stages.find((s) => s.name !== void 0 && s.name === resolved2.toLowerCase());
      const base = parent ? parent.base : classifyImage(resolved2);
      const platform = instr2.flags.get("platform") ?? void 0;
      current = {
        index,
        name: stageName,
        from: instr2,
        fromText,
        parent: parent?.index,
        base,
        platform,
        instructions: [],
        windows: parent ? parent.windows : base.family === "windows"
      };
      stages.push(current);
      instructions.push(instr2);
      continue;
    }
    if (!current) {
      const instr2 = toInstr(node, -1, lines, escapeChar);
      if (keyword !== "ARG") {
        throw new InputError(`${input.file}:${line}: ${keyword} appears before the first FROM; only ARG may precede FROM`);
      }
      for (const [name, value] of argDefault(instr2)) globalArgs[name] = buildArgs[name] ?? value;
      instructions.push(instr2);
      continue;
    }
    const instr = toInstr(node, current.index, lines, escapeChar);
    if (keyword === "SHELL" && instr.exec && /(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i.test(instr.exec[0] ?? "")) current.windows = true;
    current.instructions.push(instr);
    instructions.push(instr);
  }
  if (stages.length === 0) {
    throw new InputError(`${input.file}: no FROM instruction; this is not a Dockerfile`);
  }
  let finalStage = stages[stages.length - 1];
  if (input.target) {
    const wanted = input.target.toLowerCase();
    const found = stages.find((s) => s.name === wanted);
    if (!found) throw new InputError(`${input.file}: build target ${JSON.stringify(input.target)} is not a stage name in this Dockerfile`);
    finalStage = found;
  }
  const chain = [];
  for (let s = finalStage; s; s = s.parent !== void 0 ? stages[s.parent] : void 0) chain.unshift(s);
  const windows = finalStage.windows;
  const model = {
    file: input.file,
    absPath: input.absPath,
    contextDir: input.contextDir,
    text: input.text,
    lines,
    escapeChar,
    instructions,
    stages,
    finalStage,
    chain,
    start: computeStartContract(chain, windows),
    base: finalStage.base,
    windows,
    buildArgs,
    wrappers: [],
    startChain: { links: [] }
  };
  const resolved = resolveStart(model);
  model.startChain = resolved.chain;
  model.wrappers = resolved.wrappers;
  return model;
}

// src/matrix/plan.ts
var DEFAULT_RUNNERS = {
  "linux/amd64": "ubuntu-24.04",
  "linux/arm64": "ubuntu-24.04-arm"
};
var FALLBACK_RUNNER = "ubuntu-24.04";
function parseRunner(value, name = "--runner") {
  const eq = value.indexOf("=");
  const platform = eq < 0 ? "" : value.slice(0, eq).trim();
  const label = eq < 0 ? "" : value.slice(eq + 1).trim();
  if (platform === "" || label === "") throw new InputError(`${name} must be PLATFORM=LABEL (e.g. linux/arm64=ubuntu-24.04-arm), got ${JSON.stringify(value)}`);
  return [platform, label];
}
function slug(text) {
  return text.replace(/^\.\//, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "").toLowerCase() || "root";
}
function startChain(dockerfile, cwd, root) {
  const absPath = path9.resolve(cwd, dockerfile);
  const text = readUserText(absPath, dockerfile, "Dockerfile");
  const model = parseDockerfile({ file: dockerfile, absPath, text, contextDir: path9.dirname(absPath) });
  const rel = (abs) => path9.relative(root, abs).split(path9.sep).join("/");
  return [rel(absPath), ...model.wrappers.map((w) => rel(w.absPath ?? absPath))];
}
function planMatrix(input) {
  const runners = { ...DEFAULT_RUNNERS, ...input.runners };
  for (const platform of Object.keys(input.runners ?? {})) {
    if (!input.platforms.includes(platform)) throw new InputError(`--runner ${platform}=\u2026 names a platform that is not planned (platforms: ${input.platforms.join(", ")})`);
  }
  const root = input.root ?? input.cwd;
  let dockerfiles = expandDockerfiles(input.specs.join("\n"), input.cwd);
  for (const file of dockerfiles) readUserText(path9.resolve(input.cwd, file), file, "Dockerfile");
  if (input.changes) {
    const changes = input.changes;
    dockerfiles = dockerfiles.filter((file) => startChain(file, input.cwd, root).some((f) => changes.has(f)));
  }
  const planned = input.platforms.join(",");
  const include = [];
  const names = /* @__PURE__ */ new Map();
  for (const dockerfile of dockerfiles) {
    let name = slug(dockerfile);
    if (names.has(name) && names.get(name) !== dockerfile) name = `${name}-${createHash("sha256").update(dockerfile).digest("hex").slice(0, 8)}`;
    names.set(name, dockerfile);
    const context = path9.dirname(dockerfile).split(path9.sep).join("/");
    for (const platform of input.platforms) {
      include.push({ dockerfile, context, platform, runner: runners[platform] ?? FALLBACK_RUNNER, report: `${name}--${slug(platform)}`, platforms: planned });
    }
  }
  return { include };
}

// src/cli/matrix-args.ts
var PLAN_USAGE = `Usage: entrypoint-guard plan [--platforms LIST] [--runner PLATFORM=LABEL]\u2026 [GLOB\u2026]

Prints a job matrix for GitHub's strategy.matrix (JSON for fromJSON): one entry per
Dockerfile x platform with its runner label, build context and a stable report name.
GLOB: Dockerfile paths or globs (default Dockerfile); !GLOB excludes earlier matches.

Options:
  --platforms LIST       comma list (default linux/amd64,linux/arm64, or the config file's)
  --runner P=LABEL       repeatable; runner label for a platform (defaults:
                         linux/amd64=ubuntu-24.04, linux/arm64=ubuntu-24.04-arm)
  --filter-mode MODE     with --diff: plan only Dockerfiles whose start chain (the Dockerfile
  --diff FILE|-          or a wrapper script it starts) the diff changes
  --config FILE          config file (default: .entrypoint-guard.yml at the repository root)`;
var MERGE_USAGE = `Usage: entrypoint-guard merge [--format FMT] [--output FILE] [--fail-on LEVEL] REPORT.json\u2026

Merges the JSON reports of matrix shards into one report per Dockerfile (one finding per
rule and place listing every platform it was seen on), then reports and gates like a run.
A planned platform without a shard report is a shard-missing finding; reports written by
another version are refused (exit 2).

Options:
  --format FMT           text (default) | json | sarif
  --output FILE          write the report there instead of stdout
  --fail-on LEVEL        error | warning | info | never (default error, or the config file's)
  --config FILE          config file for per-path fail-on (default: .entrypoint-guard.yml)`;
function parse(argv, options, sub) {
  try {
    return parseArgs2({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    const text = err instanceof Error ? err.message.split("\n")[0].replace(/\. To specify.*$/, "").replace(/\.$/, "") : String(err);
    throw new InputError(`${text}; see entrypoint-guard ${sub} --help`);
  }
}
function parsePlanArgs(argv) {
  const parsed2 = parse(argv, {
    platforms: { type: "string" },
    runner: { type: "string", multiple: true },
    "filter-mode": { type: "string" },
    diff: { type: "string" },
    config: { type: "string" }
  }, "plan");
  const v = parsed2.values;
  if (v.help) return { kind: "usage", text: PLAN_USAGE };
  const command = { kind: "plan", specs: parsed2.positionals.length > 0 ? parsed2.positionals : ["Dockerfile"], runners: {} };
  if (typeof v.platforms === "string") command.platforms = parsePlatforms(v.platforms);
  for (const r of v.runner ?? []) {
    const [platform, label] = parseRunner(r);
    command.runners[platform] = label;
  }
  if (typeof v["filter-mode"] === "string") command.filterMode = parseFilterMode(v["filter-mode"]);
  if (typeof v.diff === "string") {
    if (v.diff.trim() === "") throw new InputError("--diff needs a file name, or - for standard input");
    command.diff = v.diff;
  }
  if (typeof v.config === "string") command.config = v.config;
  return command;
}
function parseMergeArgs(argv) {
  const parsed2 = parse(argv, {
    format: { type: "string" },
    output: { type: "string" },
    "fail-on": { type: "string" },
    config: { type: "string" }
  }, "merge");
  const v = parsed2.values;
  if (v.help) return { kind: "usage", text: MERGE_USAGE };
  if (parsed2.positionals.length === 0) throw new InputError("merge needs at least one shard report: entrypoint-guard merge REPORT.json\u2026");
  const command = { kind: "merge", reports: parsed2.positionals, format: typeof v.format === "string" ? parseFormat(v.format) : "text" };
  if (typeof v.output === "string") command.output = v.output;
  if (typeof v["fail-on"] === "string") command.failOn = parseFailOn(v["fail-on"]);
  if (typeof v.config === "string") command.config = v.config;
  return command;
}

// src/matrix/commands.ts
import fs12 from "node:fs";
import path19 from "node:path";

// src/cli/diff-input.ts
import fs6 from "node:fs";
import path10 from "node:path";

// src/diff/unified.ts
var HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parsePatch(patch) {
  const change = { added: /* @__PURE__ */ new Set(), inHunks: /* @__PURE__ */ new Set() };
  let right = 0;
  let leftLeft = 0;
  let rightLeft = 0;
  for (const raw of patch.split("\n")) {
    const header = HUNK.exec(raw);
    if (header) {
      leftLeft = header[1] === void 0 ? 1 : Number(header[1]);
      right = Number(header[2]);
      rightLeft = header[3] === void 0 ? 1 : Number(header[3]);
      continue;
    }
    if (leftLeft <= 0 && rightLeft <= 0) continue;
    const line = raw.replace(/\r$/, "");
    const kind = line === "" ? " " : line[0];
    if (kind === "+" && rightLeft > 0) {
      change.added.add(right);
      change.inHunks.add(right++);
      rightLeft--;
    } else if (kind === "-" && leftLeft > 0) {
      leftLeft--;
    } else if (kind === " " && leftLeft > 0 && rightLeft > 0) {
      change.inHunks.add(right++);
      leftLeft--;
      rightLeft--;
    }
  }
  return change;
}
function unquoteGitPath(text) {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes = [];
  const body = text.slice(1, -1);
  const simple = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\" || i + 1 >= body.length) {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = body[i + 1];
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function newPath(rest, prefixed) {
  const raw = unquoteGitPath(rest.replace(/\t.*$/, "").trimEnd());
  if (raw === "/dev/null") return void 0;
  return prefixed && /^[a-z]\//.test(raw) ? raw.slice(2) : raw;
}
function pathFromGitHeader(line, prefixed) {
  const rest = line.slice("diff --git ".length);
  const quoted = /^(?:"(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*")$/.exec(rest);
  if (quoted) return newPath(quoted[1], prefixed);
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === " ") return newPath(rest.slice(half + 1), prefixed);
  return void 0;
}
var DiffSyntaxError = class extends Error {
};
function parseUnifiedDiff(text) {
  const files = /* @__PURE__ */ new Map();
  if (text.trim() === "") return files;
  const lines = text.split("\n");
  let sawFile = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    const git = line.startsWith("diff --git ");
    if (!git && !(line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ "))) continue;
    sawFile = true;
    let end = i + 1;
    const prefixed = git ? /^diff --git "?[a-z]\//.test(line) : /^--- "?a\//.test(line) || line.startsWith("--- /dev/null") && /^\+\+\+ "?b\//.test(lines[i + 1]);
    let path29 = git ? pathFromGitHeader(line, prefixed) : void 0;
    let deleted = false;
    let binary = false;
    const body = [];
    let header = true;
    for (; end < lines.length; end++) {
      const l = lines[end].replace(/\r$/, "");
      if (l.startsWith("diff --git ")) break;
      if (header) {
        if (l.startsWith("--- ")) continue;
        if (l.startsWith("+++ ")) {
          const p = newPath(l.slice(4), prefixed);
          if (p === void 0) deleted = true;
          else path29 = p;
          continue;
        }
        if (l.startsWith("deleted file mode")) deleted = true;
        if (l.startsWith("rename to ")) path29 = unquoteGitPath(l.slice("rename to ".length));
        if (l.startsWith("Binary files ") || l === "GIT binary patch") binary = true;
        if (!HUNK.test(l)) continue;
        header = false;
      } else if (!git && l.startsWith("--- ") && lines[end + 1]?.startsWith("+++ ") && !HUNK.test(l)) {
        break;
      }
      body.push(l);
    }
    i = end - 1;
    if (deleted || path29 === void 0) continue;
    const change = parsePatch(body.join("\n"));
    if (binary) change.wholeFile = true;
    files.set(path29, change);
  }
  if (!sawFile) throw new DiffSyntaxError("it has no file header (`diff --git`, or `---`/`+++` lines)");
  return files;
}

// src/cli/diff-input.ts
var MAX_BYTES3 = 64 * 1024 * 1024;
function readDiff(spec, cwd, readStdin) {
  if (spec === "-") {
    try {
      return readStdin();
    } catch (err) {
      throw new InputError(`--diff - could not read standard input (${err.code ?? errorMessage(err)})`);
    }
  }
  const abs = path10.resolve(cwd, spec);
  try {
    const stat = fs6.statSync(abs);
    if (!stat.isFile()) throw new InputError(`--diff ${spec} is not a file`);
    if (stat.size > MAX_BYTES3) throw new InputError(`--diff ${spec} is larger than 64 MB`);
    return fs6.readFileSync(abs, "utf8");
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code2 = err.code;
    throw new InputError(code2 === "ENOENT" ? `--diff ${spec} does not exist` : `--diff ${spec} cannot be read (${code2 ?? "error"})`);
  }
}
function chooseDiffFilter(req) {
  const mode = req.options.filterMode;
  if (mode === "nofilter") {
    if (req.diff !== void 0) throw new InputError("--diff is only read with --filter-mode added, diff_context or file");
    return {};
  }
  if (req.diff === void 0) {
    if (req.modeFromFlag) throw new InputError(`--filter-mode ${mode} needs --diff FILE, or --diff - to read it from standard input (e.g. git diff origin/main | entrypoint-guard --filter-mode ${mode} --diff -)`);
    return { note: `filter-mode ${mode} (from ${req.configFile ?? "the config file"}) is off: no --diff was given, so every finding is reported.` };
  }
  const text = readDiff(req.diff, req.cwd, req.readStdin);
  try {
    return { filter: { mode, changes: parseUnifiedDiff(text) } };
  } catch (err) {
    if (err instanceof DiffSyntaxError) throw new InputError(`--diff ${req.diff === "-" ? "- (standard input)" : req.diff} is not a unified diff: ${err.message}`);
    throw err;
  }
}

// src/config/project-config.ts
var import_yaml2 = __toESM(require_dist(), 1);
import fs9 from "node:fs";
import path14 from "node:path";

// src/rules/image/arch-specific-download.ts
import fs7 from "node:fs";
import path11 from "node:path";
var URL = /\b(?:https?|ftp):\/\/[^\s'"`<>|;)]+/g;
var ARCH = /(?<![A-Za-z0-9])(amd64|x86_64|x86-64|x64|arm64|aarch64|arm64v8|armv[5-8]l?|armv7hf|armhf|armel|arm32v[67]|i[3-6]86|ppc64le|s390x|riscv64)(?![A-Za-z0-9])|(?<=[-_/])386(?=[-_./]|$)/i;
var PLATFORM_ARGS = /\b(TARGETARCH|TARGETPLATFORM|TARGETOS|TARGETVARIANT|BUILDARCH)\b/;
var BRANCHES = [
  PLATFORM_ARGS,
  // `uname -m`, `uname -sm`, `uname -s -m`, `uname --machine`, `uname -p`/`-i`/`-a` (they print it too).
  /\buname(?:\s+-[a-z]+)*\s+(?:-[a-z]*[ampi][a-z]*|--(?:machine|processor|hardware-platform|all))(?![\w-])/,
  /\bdpkg\s+--print-arch/,
  /\bdpkg-architecture\b/,
  /\bapk\s+--print-arch\b/,
  /\/etc\/apk\/arch\b/,
  /\$\(\s*arch\s*\)|`\s*arch\s*`/,
  // `rpm --eval %{_arch}`, `rpm -E '%_arch'`, `rpm -q --queryformat '%{ARCH}' rpm`, `%{_target_cpu}`.
  /\brpm\b[^\n;&|]*%\{?_?(?:arch|target_cpu|host_cpu)\b/i,
  /\bgo\s+env\s+GOARCH\b/,
  /\$\{?(?:HOSTTYPE|MACHTYPE)\b/,
  // tonistiigi/xx cross-compilation helpers read TARGETPLATFORM.
  /\bxx-(?:info|apk|apt|apt-get|go|cargo|clang|verify)\b/,
  /\bprocess\.arch\b|\bplatform\.machine\(\)/
];
function branches(text, derived) {
  return BRANCHES.some((re) => re.test(text)) || mentions2(text, derived);
}
function definitions(instr) {
  if (instr.keyword === "ARG") return argDefault(instr);
  if (instr.keyword !== "ENV") return [];
  const props = instr.node.getProperties?.() ?? [];
  return props.map((p) => [p.getName(), p.getValue() ?? ""]);
}
function mentions2(text, names) {
  for (const name of names) if (new RegExp(`\\$\\{?${name}\\b`).test(text)) return true;
  return false;
}
function derive(instr, derived, globals) {
  for (const [name, value] of definitions(instr)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const from = value === void 0 ? globals.has(name) : PLATFORM_ARGS.test(value) || mentions2(value, derived);
    if (from) derived.add(name);
    else derived.delete(name);
  }
}
var FAMILIES = [
  [/^(amd64|x86_64|x86-64|x64)$/i, "amd64"],
  [/^(arm64|aarch64|arm64v8)$/i, "arm64"],
  [/^(arm|armv[5-8]l?|armv7hf|armhf|armel|arm32v[5-7]|rpi|raspberrypi|raspbian)$/i, "arm"],
  [/^(i[3-6]86|386|x86)$/i, "386"]
];
function sameArch(variant, download) {
  return variant === download || variant === "arm" && download === "arm64";
}
function family(arch) {
  return FAMILIES.find(([re]) => re.test(arch))?.[1] ?? arch.toLowerCase();
}
var NAMED_ARCH = /(?<![A-Za-z0-9])(x86_64|x86-64|amd64|x64|arm64v8|arm64|aarch64|armv[5-8]l?|armv7hf|armhf|armel|arm32v[5-7]|arm|rpi|raspberrypi|raspbian|i[3-6]86|x86|ppc64le|s390x|riscv64)(?![A-Za-z0-9])/i;
var DOCKERFILE_NAME = /(?:^|[.\-_])(?:docker|container)file(?:[.\-_]|$)/i;
function namedArch(name) {
  const m = NAMED_ARCH.exec(name);
  return m ? family(m[1]) : void 0;
}
function listDir(dir) {
  try {
    return fs7.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
function holdsDockerfile(dir) {
  return listDir(dir).some((e) => e.isFile() && DOCKERFILE_NAME.test(e.name));
}
function archVariant(model) {
  const file = path11.basename(model.absPath);
  const dir = path11.dirname(model.absPath);
  const repoRoot = fs7.existsSync(path11.join(dir, ".git"));
  const own = namedArch(file) ?? (repoRoot ? void 0 : namedArch(path11.basename(dir)));
  if (own) return { own };
  for (const e of listDir(dir)) {
    if (e.name === file) continue;
    if (e.isFile() && DOCKERFILE_NAME.test(e.name) && namedArch(e.name)) return { sibling: e.name };
    if (e.isDirectory() && namedArch(e.name) && holdsDockerfile(path11.join(dir, e.name))) return { sibling: `${e.name}/` };
  }
  const parent = path11.dirname(dir);
  const rel = path11.relative(model.contextDir, parent);
  if (!repoRoot && !rel.startsWith("..") && !path11.isAbsolute(rel)) {
    for (const e of listDir(parent)) {
      if (e.isDirectory() && e.name !== path11.basename(dir) && namedArch(e.name) && holdsDockerfile(path11.join(parent, e.name))) return { sibling: `../${e.name}/` };
    }
  }
  return void 0;
}
var FETCH = /\b(curl|wget|aria2c|axel|fetch|http|xh)\b|\bInvoke-WebRequest\b|\burllib\b|\brequests\.get\b/;
function archUrl(text, vars) {
  for (const m of text.matchAll(URL)) {
    const url = expandArgs(m[0], vars);
    const arch = ARCH.exec(url);
    if (arch) return { url, arch: arch[0] };
  }
  return void 0;
}
function shortUrl(url) {
  return url.length > 110 ? `${url.slice(0, 109)}\u2026` : url;
}
function pinned(model, stage) {
  for (let s = stage; s; s = s.parent !== void 0 ? model.stages[s.parent] : void 0) {
    const p = s.platform?.trim();
    if (p && !/\$\{?TARGETPLATFORM\}?/.test(p)) return true;
  }
  return false;
}
function hit(instr, url, arch, variant) {
  const what = `${instr.keyword === "ADD" ? "ADD downloads" : "This RUN downloads"} \`${shortUrl(url)}\` (built for ${arch})`;
  if (variant?.sibling !== void 0) {
    return {
      message: `${what}: this Dockerfile is the ${arch} variant by design (the other architecture has its own, \`${variant.sibling}\`), so its image only runs on ${arch}.`,
      fix: "Nothing to fix if this image is only published for this architecture; to build one multi-arch image instead, use `ARG TARGETARCH` in the URL and drop the per-architecture copy.",
      range: instr.range,
      severity: "info"
    };
  }
  const message = variant?.own !== void 0 ? `${what}, but this Dockerfile's name says it is the ${variant.own} variant: its image gets the ${arch} binary and fails with \`exec format error\`.` : `${what} without checking the target architecture, so the image for every other platform gets the ${arch} binary and fails with \`exec format error\`.`;
  return {
    message,
    fix: instr.keyword === "ADD" ? `Put \`ARG TARGETARCH\` in the stage and use it in the URL (\`\u2026-linux-\${TARGETARCH}\u2026\`), mapping names like x86_64/aarch64 in a RUN if the project uses them.` : `Declare \`ARG TARGETARCH\` and build the URL from it, or branch on \`dpkg --print-architecture\` / \`uname -m\` (\`case "$(uname -m)" in x86_64) \u2026;; aarch64) \u2026;; esac\`).`,
    range: instr.range
  };
}
var rule = {
  id: "arch-specific-download",
  severity: "warning",
  title: "Download for one architecture",
  description: "A RUN or ADD fetches a binary for a hard-coded architecture: the image for the other platform gets the wrong binary.",
  check(model) {
    if (model.windows) return [];
    const hits = [];
    let variant = null;
    const globals = /* @__PURE__ */ new Set();
    for (const instr of model.instructions) if (instr.stage === -1) derive(instr, globals, /* @__PURE__ */ new Set());
    for (const stage of model.stages) {
      if (stage.windows || pinned(model, stage)) continue;
      const derived = new Set(globals);
      for (const step of buildSteps(model, stage).steps) {
        const { instr } = step;
        derive(instr, derived, globals);
        if (instr.stage !== stage.index) continue;
        let found;
        if (instr.keyword === "RUN") {
          const text = [instr.text, ...instr.heredocs.map((h2) => h2.content)].join("\n");
          if (!FETCH.test(text) || branches(text, derived)) continue;
          found = archUrl(text, step.vars);
        } else if (instr.keyword === "ADD") {
          const ops = copyOperands(step);
          const sources = ops?.sources ?? instr.args.slice(0, -1);
          if (branches(instr.text, derived)) continue;
          found = archUrl(sources.join(" "), step.vars);
        }
        if (!found) continue;
        if (variant === null) variant = archVariant(model);
        if (variant?.own !== void 0 && sameArch(variant.own, family(found.arch))) continue;
        const h = hit(instr, found.url, found.arch, variant);
        hits.push(h);
      }
    }
    return hits;
  }
};

// src/model/installs.ts
import path12 from "node:path";
var ALPINE_WITHOUT_BASH = /* @__PURE__ */ new Set(["alpine", "busybox", "node", "python", "golang", "nginx", "php", "redis"]);
var PLAIN_KNOWN = /* @__PURE__ */ new Set(["alpine", "busybox", "debian", "ubuntu"]);
function baseHas(base, interp) {
  const { family: family2, debugVariant: debugVariant2 } = base;
  const name = base.name.split("/").pop() ?? base.name;
  if (family2 === "scratch") return "absent";
  if (family2 === "distroless") {
    if (interp === "python") return /python/.test(name) ? "present" : "absent";
    if (interp === "node") return /node/.test(name) ? "present" : "absent";
    if (interp === "sh") return debugVariant2 ? "present" : "absent";
    return "absent";
  }
  if (family2 === "alpine" || family2 === "busybox") {
    if (interp === "sh") return "present";
    if (interp === "bash") return ALPINE_WITHOUT_BASH.has(name) ? "absent" : "unknown";
    return PLAIN_KNOWN.has(name) ? "absent" : "unknown";
  }
  if (family2 === "debian" || family2 === "ubuntu") {
    if (interp === "sh" || interp === "bash" || interp === "dash" || interp === "perl") return "present";
    return PLAIN_KNOWN.has(name) ? "absent" : "unknown";
  }
  if (family2 === "rhel") return interp === "sh" || interp === "bash" ? "present" : "unknown";
  return "unknown";
}
var PACKAGES = [
  [/^(bash|bash-completion|libtool|bats)$/, "bash"],
  [/^(busybox|busybox-static|busybox-extras|dash|mksh)$/, "sh"],
  [/^zsh$/, "zsh"],
  [/^(ksh|mksh|loksh)$/, "ksh"],
  [/^dash$/, "dash"],
  [/^fish$/, "fish"],
  [/^(python\d*(\.\d+)?|python-is-python3|py3-.+|python\d*(\.\d+)?-.+)$/, "python"],
  [/^(nodejs(-current|-lts.*)?|npm|yarn|pnpm)$/, "node"],
  [/^ruby.*$/, "ruby"],
  [/^perl.*$/, "perl"],
  [/^php\d*(-.+)?$/, "php"]
];
function packageInterpreters(pkg) {
  const name = pkg.replace(/[=<>~].*$/, "").replace(/:[a-z0-9]+$/, "");
  return PACKAGES.filter(([re]) => re.test(name)).map(([, i]) => i);
}
var MENTIONS = [
  [/\bbash\b/i, ["bash"]],
  [/\bbusybox\b/i, ["sh"]],
  [/\bzsh\b/i, ["zsh"]],
  [/\bpython\d*(\.\d+)*\b|\bcpython\b|\bpyenv\b|\b(mini|ana)?conda\b|\bmicromamba\b|\bmamba\b|\buv\s+python\b|python-build-standalone/i, ["python"]],
  [/\bnode(js)?\b|\bnvm\b|\bfnm\b|\bvolta\b/i, ["node"]],
  [/\bruby\b|\brbenv\b|\bruby-build\b/i, ["ruby"]],
  [/\bperl\b|\bperlbrew\b/i, ["perl"]],
  [/\bphp\b/i, ["php"]]
];
var ACQUIRE = /\b(curl|wget|aria2c|tar|unzip|bsdtar|make\s+(-j\s*\S+\s+)?(alt)?install|\.\/configure|(nvm|pyenv|asdf|fnm|volta|rbenv|n|conda|micromamba|mise|rtx|uv)\s+(install|use)|install\.sh)\b/;
var BROAD_SOURCES = /* @__PURE__ */ new Set(["/", "/usr", "/usr/local", "/usr/local/bin", "/bin", "/usr/bin", "/opt", "/sbin", "/usr/sbin"]);
function mentioned(text) {
  const out = [];
  for (const [re, interps] of MENTIONS) if (re.test(text)) out.push(...interps);
  return out;
}
var ALL = ["sh", "bash", "zsh", "ksh", "dash", "fish", "python", "node", "ruby", "perl", "php"];
var INSTALLERS = {
  apk: { add: /* @__PURE__ */ new Set(["add"]), del: /* @__PURE__ */ new Set(["del"]) },
  "apt-get": { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove", "purge"]) },
  apt: { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove", "purge"]) },
  aptitude: { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove", "purge"]) },
  yum: { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove", "erase"]) },
  dnf: { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove", "erase"]) },
  microdnf: { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove"]) },
  tdnf: { add: /* @__PURE__ */ new Set(["install"]), del: /* @__PURE__ */ new Set(["remove", "erase"]) },
  zypper: { add: /* @__PURE__ */ new Set(["install", "in"]), del: /* @__PURE__ */ new Set(["remove", "rm"]) }
};
var VALUE_OPTS = /* @__PURE__ */ new Set(["--virtual", "-t", "--repository", "-X", "--root", "-p", "-o", "--option", "--target-release", "--setopt", "--releasever", "--installroot", "--enablerepo", "--disablerepo", "--arch", "--keys-dir", "--cache-dir"]);
function analyseInstalls(model) {
  const owners = /* @__PURE__ */ new Map();
  const installedBy = /* @__PURE__ */ new Map();
  const virtuals = /* @__PURE__ */ new Map();
  const maybe = /* @__PURE__ */ new Set();
  const { steps } = buildSteps(model, model.finalStage);
  const stageNames = new Set(model.stages.flatMap((s) => s.name ? [s.name] : []));
  const add = (pkg, owner, instr) => {
    let set = owners.get(pkg);
    if (!set) owners.set(pkg, set = /* @__PURE__ */ new Set());
    set.add(owner);
    installedBy.set(pkg, instr);
  };
  for (const step of steps) {
    const { instr } = step;
    if (instr.keyword === "RUN") {
      const text = [instr.text, ...instr.heredocs.map((h) => h.content)].join("\n");
      if (ACQUIRE.test(text)) for (const i of mentioned(text)) maybe.add(i);
      for (const cmd of runCommands(instr)) readInstall(programWords(cmd.words), step, { add, owners, virtuals, maybe });
    } else if (instr.keyword === "COPY" || instr.keyword === "ADD") {
      copyMaybe(step, maybe, stageNames);
    }
  }
  const installed = /* @__PURE__ */ new Map();
  for (const [pkg, set] of owners) {
    if (set.size === 0) continue;
    for (const i of packageInterpreters(pkg)) installed.set(i, installedBy.get(pkg));
  }
  return { installed, maybe };
}
function readInstall(words, step, state) {
  const tool = words[0] ? path12.posix.basename(words[0]) : "";
  const spec = INSTALLERS[tool];
  if (!spec) return;
  let sub = 1;
  while (sub < words.length && words[sub].startsWith("-")) sub += VALUE_OPTS.has(words[sub]) && !(words[sub] === "-t" && tool !== "apk") ? 2 : 1;
  const verb = words[sub] ?? "";
  const adding = spec.add.has(verb);
  const deleting = spec.del.has(verb);
  if (!adding && !deleting) return;
  let virtual;
  const pkgs = [];
  for (let i = 1; i < words.length; i++) {
    if (i === sub) continue;
    const w = words[i];
    if (w.startsWith("-")) {
      if ((w === "--virtual" || w === "-t") && tool === "apk") virtual = words[i + 1];
      if (VALUE_OPTS.has(w) && !(w === "-t" && tool !== "apk")) i++;
      continue;
    }
    pkgs.push(expandArgs(w, step.vars));
  }
  if (adding) {
    const dynamic = pkgs.flatMap((p) => p.split(/\s+/)).filter((p) => p.includes("$") || p.includes("`"));
    if (dynamic.length > 0) for (const i of ALL) state.maybe.add(i);
    const names = pkgs.flatMap((p) => p.split(/\s+/)).filter((p) => p !== "" && !p.includes("$") && !p.includes("`"));
    if (virtual) state.virtuals.set(virtual, new Set(names));
    for (const p of names) state.add(p.replace(/[=<>~].*$/, ""), virtual ?? "world", step.instr);
    return;
  }
  for (const p of pkgs.flatMap((x) => x.split(/\s+/)).filter((x) => x !== "")) {
    const v = state.virtuals.get(p);
    if (v && tool === "apk") {
      for (const pkg of v) state.owners.get(pkg)?.delete(p);
      continue;
    }
    state.owners.get(p.replace(/[=<>~].*$/, ""))?.delete("world");
  }
}
function copyMaybe(step, maybe, stageNames) {
  const { instr } = step;
  const from = instr.flags.get("from");
  const ops = copyOperands(step);
  if (!ops) return;
  if (from) {
    const ref = expandArgs(from, step.vars);
    if (!stageNames.has(ref.toLowerCase()) && !/^\d+$/.test(ref)) for (const i of interpretersOfImage(ref)) maybe.add(i);
    for (const src of ops.sources) {
      const abs = path12.posix.resolve("/", src);
      if (BROAD_SOURCES.has(abs.replace(/\/$/, "") || "/")) for (const i of ALL) maybe.add(i);
      for (const i of mentioned(src)) maybe.add(i);
    }
    return;
  }
  if (instr.keyword === "ADD") {
    for (const src of ops.sources) {
      if (/^(https?|ftp):\/\/|\.(tar(\.\w+)?|tgz|txz|tbz2?)$/i.test(src)) for (const i of mentioned(src)) maybe.add(i);
    }
  }
}
function interpretersOfImage(ref) {
  const { name } = splitImageRef(ref);
  const last = name.split("/").pop() ?? name;
  return mentioned(last.replace(/[-_]/g, " "));
}
function interpreterAvailability(model, interp, analysis = analyseInstalls(model)) {
  const base = baseHas(model.base, interp);
  if (base !== "absent") return base;
  if (analysis.installed.has(interp)) return "present";
  if (analysis.maybe.has(interp)) return "unknown";
  return "absent";
}

// src/rules/image/image-facts.ts
var FAMILY_LABEL = {
  alpine: "Alpine-based",
  busybox: "BusyBox-based",
  debian: "Debian-based",
  ubuntu: "Ubuntu-based",
  rhel: "RHEL-family",
  distroless: "distroless",
  wolfi: "Wolfi-based"
};
function baseDescription(base) {
  if (base.scratch) return "FROM scratch";
  const label = FAMILY_LABEL[base.family];
  return label ? `${base.ref}, ${label}` : base.ref;
}

// src/rules/image/missing-interpreter.ts
function lineRange(line, length) {
  return { line, column: 1, endLine: line, endColumn: length + 1 };
}
function show(part) {
  return `\`${part.instr.keyword} ${part.instr.text.replace(/\s+/g, " ").trim()}\``;
}
function needs(model) {
  const out = [];
  for (const link of model.startChain.links) {
    const word = link.kind === "script" ? link.interpreter : link.kind === "init" || link.kind === "privdrop" ? void 0 : link.word;
    const interp = word !== void 0 ? interpreterOf(word) : void 0;
    if (!interp || word === void 0) continue;
    const part = link.part;
    let what;
    if (link.kind === "shell" && part.form === "shell" && link.index === 0) what = `${show(part)} is shell form, so Docker runs it with \`${word} -c\` and`;
    else if (part.form === "shell") what = `${show(part)} is shell form, so it runs under \`${word} -c\` and`;
    else what = `The start command ${show(part)}`;
    out.push({ interp, written: word, what, range: part.instr.range, shebang: false });
  }
  for (const w of model.wrappers) {
    if (w.role !== "start" || w.interpreter) continue;
    const sb = parseShebang(w.text);
    const written = sb ? sb.viaEnv ? sb.program : sb.interpreter : void 0;
    const interp = written ? interpreterOf(written) : void 0;
    if (!sb || !interp || !written) continue;
    out.push({
      interp,
      written,
      what: `${w.file === model.file && w.absPath === void 0 ? `The COPY heredoc ${w.imagePath}` : `\`${w.file}\``} starts with \`${sb.line}\` and`,
      range: lineRange(1 + w.lineOffset, sb.line.length),
      file: w.file,
      shebang: true
    });
  }
  return out;
}
function fixFor(model, need) {
  const { family: family2 } = model.base;
  const pkg = interpreterPackage(need.interp);
  if (family2 === "scratch" || family2 === "distroless") {
    return need.shebang ? `Replace the script with the program itself in exec form (\`ENTRYPOINT ["/app/server"]\`), or build on an image that has ${need.interp === "sh" ? "a shell" : need.interp} (a \`:debug\` distroless variant has BusyBox sh).` : `Start the program directly in exec form (\`ENTRYPOINT ["/app/server"]\`), or build on an image that has ${need.interp === "sh" ? "a shell" : need.interp}.`;
  }
  if (need.interp === "bash" && need.shebang) {
    return family2 === "alpine" ? "Change the shebang to `#!/bin/sh` if the script is POSIX sh, or install bash: `RUN apk add --no-cache bash`." : "Change the shebang to `#!/bin/sh` if the script is POSIX sh, or build on an image that has bash.";
  }
  if (family2 === "alpine") return `Install it in the final stage: \`RUN apk add --no-cache ${pkg}\`.`;
  if (family2 === "debian" || family2 === "ubuntu") {
    return `Install it in the final stage: \`RUN apt-get update && apt-get install -y --no-install-recommends ${pkg} && rm -rf /var/lib/apt/lists/*\`, or build on the official ${need.interp} image.`;
  }
  return `Build on an image that has ${need.interp}, or start a program that exists in this one.`;
}
var rule2 = {
  id: "missing-interpreter",
  severity: "error",
  title: "Interpreter missing from the image",
  description: 'The start command or a wrapper script needs an interpreter (bash, python, node\u2026) that the final base image does not have and no RUN installs: the container fails with "no such file or directory" at start.',
  check(model) {
    if (model.windows) return [];
    const analysis = analyseInstalls(model);
    const hits = [];
    const seen = /* @__PURE__ */ new Set();
    for (const need of needs(model)) {
      const key = `${need.interp}\0${need.file ?? ""}\0${need.range.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (interpreterAvailability(model, need.interp, analysis) !== "absent") continue;
      const noRun = model.base.family === "scratch" || model.base.family === "distroless";
      const has = `the final image (${baseDescription(model.base)}) has no ${need.interp === "sh" ? "shell" : need.interp}${noRun ? "" : " and no RUN installs it"}`;
      const fails = need.shebang ? `the container fails with \`exec ${need.written}: no such file or directory\`` : `the container fails with \`exec: "${need.written}": executable file not found\``;
      hits.push({
        message: `${need.what} needs ${need.written}, but ${has}, so ${fails}.`,
        fix: fixFor(model, need),
        range: need.range,
        ...need.file && need.file !== model.file ? { file: need.file } : {}
      });
    }
    return hits;
  }
};

// src/rules/image/no-debug-shell.ts
function debugVariant(ref) {
  const at = ref.indexOf("@");
  const bare = at >= 0 ? ref.slice(0, at) : ref;
  const slash = bare.lastIndexOf("/");
  const colon = bare.lastIndexOf(":");
  if (colon <= slash) return `${bare}:debug`;
  const tag = bare.slice(colon + 1);
  const repo = bare.slice(0, colon);
  return tag === "latest" || tag === "" ? `${repo}:debug` : tag.startsWith("nonroot") ? `${repo}:debug-nonroot` : `${repo}:debug`;
}
var rule3 = {
  id: "no-debug-shell",
  severity: "info",
  title: "No shell for debugging",
  description: "The final image has no shell: `docker run --entrypoint /bin/sh` and `kubectl exec \u2026 sh` cannot be used to look inside it.",
  check(model) {
    if (model.windows || !lacksShell(model.base)) return [];
    if (analyseInstalls(model).maybe.has("sh")) return [];
    const from = model.chain[0].from;
    if (model.base.scratch) {
      return [{
        message: "The final image is built `FROM scratch` and has no shell, so `docker run --entrypoint /bin/sh` and `kubectl exec \u2026 sh` cannot be used to debug it.",
        fix: "Debug with an ephemeral container (`kubectl debug -it <pod> --image=busybox --target=<container>`), or build a debug variant `FROM busybox:musl` with the same files.",
        range: from.range
      }];
    }
    return [{
      message: `The final image ${model.base.ref} is distroless and has no shell, so \`docker run --entrypoint /bin/sh\` and \`kubectl exec \u2026 sh\` cannot be used to debug it.`,
      fix: `For debugging, build a variant \`FROM ${debugVariant(model.base.ref)}\` (it has a BusyBox shell at /busybox/sh), or use \`kubectl debug\` with an ephemeral container.`,
      range: from.range
    }];
  }
};

// src/rules/image/platform-pinned-from.ts
var rule4 = {
  id: "platform-pinned-from",
  severity: "warning",
  title: "FROM pinned to one platform",
  description: "A constant `FROM --platform` on a stage of the final image gives every platform's image that one platform's binaries.",
  check(model) {
    if (model.windows) return [];
    const hits = [];
    for (const stage of model.chain) {
      const platform = stage.platform?.trim();
      if (!platform || platform.includes("$")) continue;
      const image = stage.fromText;
      const final = stage === model.finalStage;
      hits.push({
        message: `\`FROM --platform=${platform} ${image}\` pins ${final ? "the final image" : `stage ${stage.name ?? stage.index}, which the final image is built from,`} to ${platform}, so the image built for every other platform gets ${platform} binaries and fails with \`exec format error\` (or runs under emulation).`,
        fix: `Drop \`--platform=${platform}\` (or write \`--platform=$TARGETPLATFORM\`); keep \`--platform=$BUILDPLATFORM\` only on build stages that cross-compile.`,
        range: stage.from.range
      });
    }
    return hits;
  }
};

// src/rules/image/index.ts
var imageRules = [rule2, rule3, rule4, rule];

// src/rules/runtime-catalog.ts
var runtimeRules = [
  { id: "build-failed", severity: "error", title: "Build failed for a platform", description: "The image could not be built for this platform, so it cannot ship there." },
  { id: "platform-unavailable", severity: "warning", title: "Platform cannot run here", description: "No emulator is registered for this platform, so its image could not be smoke-run; add docker/setup-qemu-action." },
  { id: "entrypoint-not-found", severity: "error", title: "Start executable missing", description: 'The start executable does not exist in the image: the container fails with "no such file or directory".' },
  { id: "entrypoint-not-executable", severity: "error", title: "Start executable lacks x bit", description: 'The start executable exists without an execute bit: the container fails with "permission denied".' },
  { id: "interpreter-not-found", severity: "error", title: "Interpreter missing in image", description: `The start script's interpreter (or an ELF's dynamic loader) is missing: the container fails with "no such file or directory".` },
  { id: "crlf-in-image", severity: "error", title: "CRLF start script in image", description: 'The start script in the image has CRLF line endings: the kernel looks for an interpreter named "sh\\r".' },
  { id: "wrong-architecture", severity: "error", title: "Binary for another architecture", description: 'The start executable is an ELF for another architecture: "exec format error" on real hardware of this platform.' },
  { id: "exited-on-start", severity: "error", title: "Container exited on start", description: "The container exited with a non-zero code before it could be stopped: it crashes on start." },
  { id: "sigterm-ignored", severity: "error", title: "Stop signal ignored", description: "After the stop signal the container did not exit within the grace period and was SIGKILLed: in-flight work is lost on every deploy." },
  { id: "slow-shutdown", severity: "warning", title: "Slow shutdown", description: "The container took more than half the grace period to exit after the stop signal." },
  { id: "shell-is-pid1", severity: "error", title: "Shell is PID 1", description: "A shell runs as PID 1 with the app as its child and does not forward the stop signal." },
  { id: "package-manager-is-pid1", severity: "warning", title: "Package manager is PID 1", description: "npm/yarn/pnpm is PID 1: it runs the app under sh -c and does not drain it gracefully on SIGTERM." },
  { id: "args-not-forwarded", severity: "error", title: "Arguments not forwarded", description: "A command given at `docker run` (or Compose's `command:`) does not reach the program word for word: the wrapper drops, re-splits or joins its arguments." },
  { id: "shard-missing", severity: "error", title: "Matrix shard missing", description: "A platform the plan gave this Dockerfile has no shard report at merge time (the matrix job failed, was cancelled or uploaded nothing): nothing is known about the image there." },
  { id: "healthcheck-broken", severity: "error", title: "HEALTHCHECK can never pass", description: "The image's HEALTHCHECK cannot pass: its program is not in the image, or it never passed while the service was up (within its start period + retries): Docker marks every container unhealthy." },
  { id: "stop-signal-not-graceful", severity: "warning", title: "Stop signal is a fast stop for the daemon", description: "The stop signal reaches a daemon that documents it as a fast or abortive stop (nginx and php-fpm drain on SIGQUIT, httpd on SIGWINCH): every deploy cuts off the requests in flight." },
  { id: "zombies-not-reaped", severity: "warning", title: "PID 1 does not reap zombies", description: "PID 1 does not wait for orphaned child processes: they stay zombies and fill the PID table until forks fail. Run an init (--init, tini)." },
  { id: "unclean-exit", severity: "warning", title: "Unclean exit after stop signal", description: "After the stop signal the container exited with a code other than 0 or 128+signal." }
];

// src/rules/start/format.ts
function formText(instr) {
  return instr.keyword === "HEALTHCHECK" ? instr.text.replace(/^CMD\s+/i, "") : instr.text;
}
function meantExecForm(instr) {
  if (!instr.jsonLike) return false;
  const text = formText(instr).trim();
  return !/^\[\s+(?:!\s+)?(?:-[a-zA-Z]\s|"?\$\{?\w+\}?"?\s+(?:!?=|-(?:eq|ne|lt|gt|le|ge))\s)/.test(text);
}
function show2(instr, max = 90) {
  const text = `${instr.keyword} ${instr.text}`.replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function showText(text, max = 70) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}\u2026` : t;
}
function execArray(argv) {
  return `[${argv.map((a) => JSON.stringify(a)).join(", ")}]`;
}
function unixChain(model) {
  return model.windows ? [] : model.chain.filter((s) => !s.windows);
}
function effectiveHealthcheck(model) {
  let found;
  for (const stage of model.chain) for (const i of stage.instructions) if (i.keyword === "HEALTHCHECK") found = i;
  if (!found || /^NONE\b/i.test(found.text.trim())) return void 0;
  return found;
}
function execFormInstructions(model, healthcheck) {
  if (model.windows) return [];
  const out = [];
  const { entrypoint, cmd } = model.start;
  if (entrypoint?.form === "exec") out.push(entrypoint.instr);
  if (cmd?.form === "exec" && entrypoint?.form !== "shell") out.push(cmd.instr);
  const hc = healthcheck ? effectiveHealthcheck(model) : void 0;
  if (hc?.exec) out.push(hc);
  return out;
}
function shellFate(shell, base, program = "the app") {
  const kind = shell.shellKind ?? "unknown";
  const implicitExec = shell.replaced === true;
  const name = kind === "ash" ? "BusyBox ash" : kind;
  let clause;
  if (kind === "none") clause = `${familyLabel(base)} ships no \`${shell.word}\`, so the container cannot start`;
  else if (kind === "dash") clause = `on the ${familyLabel(base)} image dash stays PID 1 and never forwards SIGTERM to ${program}, which is SIGKILLed at every stop`;
  else if (implicitExec)
    clause = `${name} execs this last command, so ${program} is PID 1 here; the shell stays PID 1 and swallows SIGTERM once the command gains ${kind === "ash" ? "a pipeline or a trap" : "a redirection, a pipeline or a trap"} or the base moves to Debian's dash`;
  else if (kind === "ash" || kind === "bash") clause = `${name} stays PID 1 here (pipeline, trap, redirection or background job) and does not forward SIGTERM to ${program}`;
  else clause = `the shell may stay PID 1 without forwarding SIGTERM to ${program}`;
  return { kind, implicitExec, clause };
}
function familyLabel(base) {
  switch (base.family) {
    case "debian":
      return `Debian-based \`${base.ref}\``;
    case "ubuntu":
      return `Ubuntu-based \`${base.ref}\``;
    case "alpine":
      return `Alpine-based \`${base.ref}\``;
    default:
      return `\`${base.ref}\``;
  }
}
function programName(word) {
  return baseName2(word).replace(/^(python|pypy)[0-9.]*$/, "python");
}
function withoutPythonModule(words) {
  if (words.length >= 3 && programName(words[0]) === "python" && words[1] === "-m") return words.slice(2);
  return words;
}

// src/rules/start/cmd-ignored.ts
var rule5 = {
  id: "cmd-ignored",
  severity: "warning",
  title: "CMD ignored by shell-form ENTRYPOINT",
  description: "A shell-form ENTRYPOINT ignores CMD entirely: the CMD is never used.",
  check(model) {
    const { entrypoint, cmd } = model.start;
    if (model.windows || !entrypoint || entrypoint.form !== "shell" || meantExecForm(entrypoint.instr) || !cmd) return [];
    const argv = asExecForm(entrypoint.command ?? "");
    return [
      {
        message: `\`${show2(cmd.instr)}\` is never used because the shell-form \`${show2(entrypoint.instr, 60)}\` (line ${entrypoint.instr.range.line}) runs under \`${entrypoint.argv.slice(0, -1).join(" ")}\` and ignores CMD.`,
        fix: `Write the ENTRYPOINT in exec form (\`ENTRYPOINT ${execArray(argv ?? ["/usr/local/bin/docker-entrypoint.sh"])}\`) so the CMD reaches it as arguments, or drop the CMD.`,
        range: cmd.instr.range
      }
    ];
  }
};

// src/model/dev-image.ts
var import_yaml = __toESM(require_dist(), 1);
import fs8 from "node:fs";
import path13 from "node:path";
var DEV_WORDS = /* @__PURE__ */ new Set(["dev", "devel", "develop", "development"]);
var DEV_COMPOSE_WORDS = /* @__PURE__ */ new Set([...DEV_WORDS, "local"]);
var COMPOSE_FILE = /^(?:docker-)?compose(?:[.\-_][^/]*)?\.ya?ml$/i;
var MAX_UP = 4;
var MAX_COMPOSE_BYTES = 512 * 1024;
function tokens(name) {
  return name.toLowerCase().split(/[.\-_]+/).filter((t) => t !== "");
}
function hasDevWord(name, words = DEV_WORDS) {
  return tokens(name).some((t) => words.has(t));
}
var DEV_FOLDERS = /* @__PURE__ */ new Set(["dev", "devel", "develop", "development", ".devcontainer", "devcontainer"]);
function byName(model) {
  const base = path13.basename(model.absPath);
  if (hasDevWord(base)) return { reason: `its name (\`${base}\`) marks it as a development image` };
  const dir = path13.dirname(model.absPath);
  const folder = path13.basename(dir);
  if (DEV_FOLDERS.has(folder.toLowerCase()) && !fs8.existsSync(path13.join(dir, ".git")))
    return { reason: `it sits in a \`${folder}/\` folder of its own, a development variant` };
  return void 0;
}
function byStage(model) {
  const name = model.finalStage.name;
  if (name && hasDevWord(name)) return { reason: `the build ends on its \`${name}\` stage, a development target` };
  return void 0;
}
function realpath(p) {
  try {
    return fs8.realpathSync(p);
  } catch {
    return path13.resolve(p);
  }
}
function composeFolders(model) {
  const out = [];
  for (const start of [path13.dirname(model.absPath), model.contextDir]) {
    let dir = path13.resolve(start);
    for (let i = 0; i <= MAX_UP; i++) {
      if (!out.includes(dir)) out.push(dir);
      if (fs8.existsSync(path13.join(dir, ".git"))) break;
      const parent = path13.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return out;
}
function composeFiles(dir) {
  let names;
  try {
    names = fs8.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => COMPOSE_FILE.test(n)).map((n) => path13.join(dir, n));
}
function asRecord(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function composeDockerfiles(file) {
  let doc;
  try {
    const stat = fs8.statSync(file);
    if (!stat.isFile() || stat.size > MAX_COMPOSE_BYTES) return void 0;
    doc = (0, import_yaml.parse)(fs8.readFileSync(file, "utf8"), { maxAliasCount: 100 });
  } catch {
    return void 0;
  }
  const services = asRecord(asRecord(doc)?.services);
  if (!services) return void 0;
  const out = [];
  for (const svc of Object.values(services)) {
    const build = asRecord(svc)?.build;
    let context = ".";
    let dockerfile = "Dockerfile";
    if (typeof build === "string") context = build;
    else if (asRecord(build)) {
      const b = asRecord(build);
      if (typeof b.dockerfile_inline === "string") continue;
      if (typeof b.context === "string") context = b.context;
      if (typeof b.dockerfile === "string") dockerfile = b.dockerfile;
    } else continue;
    if (context.includes("$") || dockerfile.includes("$") || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context)) continue;
    out.push(realpath(path13.resolve(path13.dirname(file), context, dockerfile)));
  }
  return out;
}
function byCompose(model) {
  const self = realpath(model.absPath);
  const users = [];
  for (const dir of composeFolders(model)) {
    for (const file of composeFiles(dir)) {
      if (composeDockerfiles(file)?.includes(self)) users.push(file);
    }
  }
  if (users.length === 0) return void 0;
  if (!users.every((f) => hasDevWord(path13.basename(f).replace(/\.ya?ml$/i, ""), DEV_COMPOSE_WORDS))) return void 0;
  const names = users.map((f) => `\`${path13.basename(f)}\``).join(", ");
  return { reason: `only ${names} ${users.length === 1 ? "builds" : "build"} it, a development setup` };
}
function developmentImage(model) {
  return byName(model) ?? byStage(model) ?? byCompose(model);
}

// src/rules/start/dev-server-as-start.ts
var DEV_SCRIPTS = /* @__PURE__ */ new Set(["dev", "develop", "start:dev", "serve:dev", "watch"]);
function devServer(input) {
  let words = input;
  if (/^(npx|pnpx)$/.test(baseName2(words[0] ?? ""))) words = words.slice(1).filter((w) => !w.startsWith("-"));
  words = withoutPythonModule(words);
  const prog = programName(words[0] ?? "");
  const rest = words.slice(1);
  const sub = rest.find((w) => !w.startsWith("-"));
  if (rest.includes("runserver") && (prog === "manage.py" || prog === "django-admin" || prog === "python" && baseName2(rest[0] ?? "") === "manage.py"))
    return { what: "Django's development server (`runserver`), which Django's docs say not to use in production", instead: '`CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]`' };
  if (prog === "flask" && sub === "run")
    return { what: "Flask's Werkzeug development server (`flask run`), which is not built for production traffic", instead: '`CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]`' };
  if (prog === "nodemon" || prog === "ts-node-dev" || prog === "node" && rest.includes("--watch"))
    return { what: "a file watcher that restarts the app on changes and sits between PID 1 and it", instead: '`CMD ["node", "server.js"]`' };
  if (/^(uvicorn|gunicorn|hypercorn)$/.test(prog) && rest.some((w) => w === "--reload" || w.startsWith("--reload=")))
    return { what: `\`${prog} --reload\`, which watches files and restarts the app through a reloader process`, instead: `the same \`${prog}\` command without \`--reload\`` };
  if (prog === "fastapi" && sub === "dev") return { what: "`fastapi dev`, the auto-reloading development server", instead: '`CMD ["fastapi", "run", "app/main.py"]`' };
  if ((prog === "next" || prog === "nuxt" || prog === "vite") && (sub === "dev" || prog === "vite" && sub === void 0))
    return { what: `\`${prog} dev\`, an unoptimised development server with hot reload`, instead: `a production build served by \`${prog === "vite" ? "a static server such as nginx" : `${prog} start`}\`` };
  if (prog === "webpack-dev-server" || prog === "webpack" && sub === "serve" || prog === "ng" && sub === "serve")
    return { what: "a webpack/Angular development server", instead: "a production build served by nginx" };
  if (prog === "artisan" && sub === "serve" || prog === "php" && baseName2(rest[0] ?? "") === "artisan" && rest[1] === "serve")
    return { what: "Laravel's `artisan serve`, PHP's built-in development server", instead: "php-fpm behind nginx" };
  if (/^(npm|yarn|pnpm|bun)$/.test(prog)) {
    const script = sub === "run" || sub === "run-script" ? rest.filter((w) => !w.startsWith("-"))[1] : prog === "npm" ? void 0 : sub;
    if (script && DEV_SCRIPTS.has(script)) return { what: `the project's \`${script}\` script, a development setup`, instead: 'the production command (e.g. `CMD ["node", "dist/server.js"]`)' };
  }
  return void 0;
}
var rule6 = {
  id: "dev-server-as-start",
  severity: "warning",
  title: "Development server as start command",
  description: "A development server (runserver, flask run, nodemon, npm run dev, --reload) in a production image: slow, unhardened, and watching files that never change.",
  check(model) {
    const app = appCommand(model);
    if (!app) return [];
    const dev = devServer(app.words);
    if (!dev) return [];
    const message = `The start command \`${showText(app.words.join(" "), 60)}\` (from \`${show2(app.part.instr, 60)}\`) runs ${dev.what}.`;
    const fix = `Start a production server instead: ${dev.instead}.`;
    const devImage = developmentImage(model);
    if (devImage) return [{ message: `${message} Fine here: ${devImage.reason}.`, fix: `If this image ever ships to production, ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`, range: app.part.instr.range, severity: "info" }];
    return [{ message, fix, range: app.part.instr.range }];
  }
};

// src/rules/start/duplicate-start-instruction.ts
var rule7 = {
  id: "duplicate-start-instruction",
  severity: "warning",
  title: "Duplicate ENTRYPOINT or CMD",
  description: "Only the last ENTRYPOINT and the last CMD of a stage take effect; earlier ones are dead code that misleads readers.",
  check(model) {
    const out = [];
    for (const stage of unixChain(model)) {
      for (const keyword of ["ENTRYPOINT", "CMD"]) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        const last = all[all.length - 1];
        if (!last || all.length < 2) continue;
        for (const earlier of all.slice(0, -1)) {
          out.push({
            message: `\`${show2(earlier)}\` never takes effect because the later \`${show2(last, 60)}\` on line ${last.range.line} of the same stage replaces it.`,
            fix: `Delete this ${keyword} and keep the one on line ${last.range.line} (or merge them into one).`,
            range: earlier.range
          });
        }
      }
    }
    return out;
  }
};

// src/rules/start/entrypoint-resets-cmd.ts
function waitsForCommand(model) {
  const { links, program } = model.startChain;
  const last = links[links.length - 1];
  if (!last) return void 0;
  if (!program && (last.kind === "init" || last.kind === "privdrop" || last.kind === "passthrough") && !knownProgram(last.word)?.supervisor) {
    return { link: last, why: `\`${baseName2(last.word)}\` is given no program to run, so the container exits at once` };
  }
  if (last.kind === "script" && last.forwards && last.wrapper && !/(^|[\s;&|])set\s+--|\$\{@:?-|\$#|\$\{#\}|\$\{?1:?[-=]/m.test(last.wrapper.text)) {
    return { link: last, why: `\`${last.wrapper.imagePath}\` ends in \`exec "$@"\` with no arguments, so it execs nothing and the container exits as soon as the script finishes` };
  }
  return void 0;
}
var rule8 = {
  id: "entrypoint-resets-cmd",
  severity: "warning",
  title: "ENTRYPOINT resets the inherited CMD",
  description: 'Setting ENTRYPOINT resets the CMD inherited from the base stage or image: a wrapper that execs "$@" then execs nothing and the container exits at once.',
  check(model) {
    const { entrypoint: ep, cmd, resetCmd } = model.start;
    if (model.windows || !ep || ep.form !== "exec" || ep.argv.length === 0 || cmd) return [];
    const waiting = waitsForCommand(model);
    const entry = `\`${show2(ep.instr)}\``;
    if (resetCmd) {
      const last = ep.argv[ep.argv.length - 1];
      const unreadWrapper = ep.argv.length === 1 && !model.startChain.links.some((l) => l.wrapper) && /entrypoint|\.sh$/i.test(baseName2(last));
      if (!waiting && !unreadWrapper) return [];
      const stage = model.stages[resetCmd.instr.stage];
      const where = ` (inherited from stage ${stage?.name ?? stage?.index ?? "?"})`;
      return [
        {
          message: `${entry} resets \`${show2(resetCmd.instr, 60)}\` from line ${resetCmd.instr.range.line}${where}, so the entrypoint starts with no command and the container exits at once.`,
          fix: `Repeat the command after the ENTRYPOINT in this stage: \`${show2(resetCmd.instr, 70)}\`.`,
          range: ep.instr.range
        }
      ];
    }
    if (!waiting) return [];
    return [
      {
        message: `${entry} has no CMD after it (setting ENTRYPOINT resets any CMD inherited from the base image), and ${waiting.why}.`,
        fix: 'Add the command after the ENTRYPOINT, e.g. `CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]`, or document that the command is given at `docker run`.',
        range: ep.instr.range,
        ...model.base.plainOs ? { severity: "info" } : {}
      }
    ];
  }
};

// src/rules/start/malformed-exec-form.ts
function diagnoseJson(text) {
  const t = text.trim();
  if (/[\u201C\u201D\u2018\u2019]/.test(t)) return "typographic quotes (\u201C \u201D \u2018 \u2019) are not JSON quotes";
  if (/(^\[|,)\s*'/.test(t)) return "single quotes are not JSON: every element needs double quotes";
  try {
    const value = JSON.parse(t);
    if (Array.isArray(value)) {
      const bad = value.find((v) => typeof v !== "string");
      return `element \`${JSON.stringify(bad)}\` is not a string`;
    }
  } catch {
  }
  if (/,\s*\]\s*$/.test(t)) return "a trailing comma before `]` is not allowed in JSON";
  const escape = badEscape(t);
  if (escape) return `\`${escape}\` is not a valid JSON escape (write \`\\${escape}\`)`;
  if (!/\]\s*$/.test(t)) return "the array is not closed with `]`";
  if (/(^\[|,)\s*[^\s"\]]/.test(t)) return "every element must be a double-quoted string";
  if (/"\s+"/.test(t)) return "the elements are not separated by commas";
  return "it does not parse as JSON";
}
function badEscape(t) {
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (!inString) {
      if (c === '"') inString = true;
      continue;
    }
    if (c === '"') inString = false;
    else if (c === "\\") {
      const next = t[i + 1] ?? "";
      if (!'"\\/bfnrtu'.includes(next) || next === "") return `\\${next}`;
      i++;
    }
  }
  return void 0;
}
function repairJson(text) {
  let t = text.trim().replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'");
  t = t.replace(/'((?:[^'\\]|\\.)*)'/g, (_m, body) => JSON.stringify(body.replace(/\\'/g, "'")));
  t = t.replace(/,\s*\]\s*$/, "]");
  t = t.replace(/\\(?!["\\/bfnrtu])/g, "\\\\");
  try {
    const value = JSON.parse(t);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  } catch {
  }
  return void 0;
}
function hit2(instr) {
  const text = formText(instr).trim();
  const what = `\`${show2(instr)}\` is not a valid JSON array (${diagnoseJson(text)})`;
  const shown = showText(text, 50);
  const first = firstWord(text);
  const notFound = first ? `, which fails with \`${first}: not found\`` : "";
  let consequence;
  if (instr.keyword === "SHELL") consequence = ', and SHELL accepts only JSON, so the build fails with "SHELL requires the arguments to be in JSON form"';
  else if (instr.keyword === "HEALTHCHECK") consequence = `, so Docker silently runs the check as \`/bin/sh -c "${shown}"\`${notFound} and the container is marked unhealthy`;
  else consequence = `, so Docker silently falls back to shell form and runs \`/bin/sh -c "${shown}"\`${notFound}`;
  const repaired = repairJson(text);
  const keyword = instr.keyword === "HEALTHCHECK" ? "HEALTHCHECK \u2026 CMD" : instr.keyword;
  const fix = repaired ? `Write valid JSON with double quotes: \`${keyword} ${execArray(repaired)}\`.` : `Write a JSON array of double-quoted strings, e.g. \`${instr.keyword === "SHELL" ? 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' : `${keyword} ["node", "server.js"]`}\`.`;
  return { message: `${what}${consequence}.`, fix, range: instr.range };
}
var rule9 = {
  id: "malformed-exec-form",
  severity: "error",
  title: "Malformed exec form",
  description: "ENTRYPOINT/CMD/HEALTHCHECK written like a JSON array but not valid JSON silently fall back to shell form (a malformed SHELL fails the build).",
  check(model) {
    const out = [];
    const reaching = new Set(unixChain(model));
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (!meantExecForm(instr) || instr.exec) continue;
        if (instr.keyword === "SHELL" || ["ENTRYPOINT", "CMD", "HEALTHCHECK"].includes(instr.keyword) && reaching.has(stage)) out.push(hit2(instr));
      }
    }
    return out;
  }
};

// src/rules/start/missing-start-command.ts
var rule10 = {
  id: "missing-start-command",
  severity: "info",
  title: "No start command",
  description: "The final image sets no ENTRYPOINT or CMD on top of a plain OS base image: it has no startup contract.",
  check(model) {
    if (model.windows || model.start.argv.length > 0 || !model.base.plainOs) return [];
    const from = model.finalStage.from;
    const message = model.base.scratch ? 'The final image is built `FROM scratch` and sets no ENTRYPOINT or CMD, so `docker run` without a command fails with "no command specified".' : `The final image sets no ENTRYPOINT or CMD, so it starts whatever the plain OS base \`${model.base.ref}\` defaults to (a shell at most) and has no startup contract.`;
    return [
      {
        message,
        fix: 'Declare how the image starts, e.g. `ENTRYPOINT ["/usr/local/bin/app"]` (exec form), or ignore this for images that are only used as a base or a tool.',
        range: from.range
      }
    ];
  }
};

// src/rules/start/package-manager-as-pid1.ts
var NPM_RUNS = /* @__PURE__ */ new Set(["start", "run", "run-script", "rum", "urn", "restart", "test", "t", "tst", "exec", "x"]);
var NOT_A_RUN = /* @__PURE__ */ new Set(["install", "i", "add", "remove", "ci", "help", "version", "info", "config", "audit", "list", "ls", "why", "outdated"]);
var VALUE_FLAGS2 = /* @__PURE__ */ new Set(["--prefix", "-w", "--workspace", "--cwd", "-C", "--dir", "--filter", "-F"]);
function packageManagerRun(words) {
  let w = words;
  if (baseName2(w[0] ?? "") === "corepack") w = w.slice(1);
  const pm = baseName2(w[0] ?? "");
  let sub;
  for (let i = 1; i < w.length; i++) {
    if (!w[i].startsWith("-")) {
      sub = w[i];
      break;
    }
    if (VALUE_FLAGS2.has(w[i])) i++;
  }
  if (pm === "npx" || pm === "pnpx") return sub ? pm : void 0;
  if (pm === "npm") return sub && NPM_RUNS.has(sub) ? pm : void 0;
  if (pm === "yarn" || pm === "pnpm") return sub !== void 0 && !NOT_A_RUN.has(sub) ? pm : void 0;
  return void 0;
}
var rule11 = {
  id: "package-manager-as-pid1",
  severity: "warning",
  title: "Package manager as PID 1",
  description: "npm/yarn/pnpm/npx as the start command run the app under `sh -c` and do not drain it gracefully on SIGTERM.",
  check(model) {
    const app = appCommand(model);
    if (!app) return [];
    const pm = packageManagerRun(app.words);
    if (!pm) return [];
    const command = app.words.join(" ");
    const message = `The start command runs \`${command}\` (from \`${show2(app.part.instr, 60)}\`), so ${pm} stays between PID 1 and the app, runs it under \`sh -c\` and does not let it drain gracefully on SIGTERM, cutting off in-flight requests at every deploy.`;
    const fix = `Start the program the script runs directly, e.g. \`CMD ${execArray(["node", "server.js"])}\` (copy the command from package.json's script).`;
    const devImage = developmentImage(model);
    if (devImage) return [{ message: `${message} Low impact here: ${devImage.reason}.`, fix, range: app.part.instr.range, severity: "info" }];
    return [{ message, fix, range: app.part.instr.range }];
  }
};

// src/rules/start/relative-entrypoint.ts
function isRelativePath(word) {
  return word.includes("/") && !/^[/$~]/.test(word);
}
var rule12 = {
  id: "relative-entrypoint",
  severity: "warning",
  title: "Relative start executable without WORKDIR",
  description: "A relative start executable resolves against whatever WORKDIR the base image happens to set, when the Dockerfile sets none.",
  check(model) {
    if (model.windows || model.start.workdir) return [];
    const candidates = model.startChain.links.map((l) => ({ word: l.word, part: l.part }));
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (const { word, part } of candidates) {
      if (!part || !isRelativePath(word) || seen.has(word)) continue;
      seen.add(word);
      const where = model.base.plainOs ? "`/`" : `\`/\` unless \`${model.base.ref}\` sets one`;
      out.push({
        message: `\`${show2(part.instr)}\` starts \`${word}\`, a path relative to the working directory, but no stage sets WORKDIR, so it resolves against the base image's WORKDIR (${where}) and breaks when that changes.`,
        fix: `Set \`WORKDIR /app\` before it, or use the absolute path (e.g. \`/app/${word.replace(/^\.\//, "")}\`).`,
        range: part.instr.range
      });
    }
    return out;
  }
};

// src/rules/start/shell-form-cmd.ts
var rule13 = {
  id: "shell-form-cmd",
  severity: "warning",
  title: "CMD in shell form",
  description: "A shell-form CMD runs under `/bin/sh -c`: the shell may stay PID 1 and swallow SIGTERM (always on Debian's dash; BusyBox ash and bash exec a simple last command).",
  check(model) {
    const { entrypoint, cmd } = model.start;
    if (model.windows || !cmd || cmd.form !== "shell" || meantExecForm(cmd.instr) || entrypoint && entrypoint.argv.length > 0) return [];
    const command = cmd.command ?? "";
    if (execsLastExplicitly(command) || trapsTerm(command)) return [];
    const shell = shellLinkOf(model, cmd);
    if (!shell) return [];
    const fate = shellFate(shell, model.base);
    const argv = asExecForm(command);
    const fix = argv ? `Use exec form: \`CMD ${execArray(argv)}\`.` : "Use exec form, or prefix the last command with `exec` so it replaces the shell (e.g. `CMD python manage.py migrate && exec gunicorn app.wsgi`).";
    const severity = fate.implicitExec ? "info" : void 0;
    return [{ message: `\`${show2(cmd.instr)}\` runs under \`${cmd.argv.slice(0, -1).join(" ")}\`, and ${fate.clause}.`, fix, range: cmd.instr.range, ...severity ? { severity } : {} }];
  }
};

// src/rules/start/shell-form-cmd-after-entrypoint.ts
var rule14 = {
  id: "shell-form-cmd-after-entrypoint",
  severity: "error",
  title: "Shell-form CMD after exec-form ENTRYPOINT",
  description: 'With an exec-form ENTRYPOINT, a shell-form CMD is passed to it as `/bin/sh -c "<cmd>"`: the entrypoint gets a shell and a string instead of the arguments it expects.',
  check(model) {
    const { entrypoint, cmd } = model.start;
    if (model.windows || !entrypoint || entrypoint.form !== "exec" || entrypoint.argv.length === 0) return [];
    if (!cmd || cmd.form !== "shell" || meantExecForm(cmd.instr)) return [];
    const shell = shellLinkOf(model, cmd);
    if (shell && shell.replaced && reachedByForwarding(model, shell)) return [];
    const shellArgs = cmd.argv.slice(0, -1).join(" ");
    const command = cmd.command ?? "";
    const argv = asExecForm(command);
    return [
      {
        message: `\`${show2(cmd.instr)}\` is shell form, so the ENTRYPOINT \`${entrypoint.argv[0]}\` receives \`${shellArgs} "${command.trim()}"\` as its arguments instead of the command's words.`,
        fix: argv ? `Write the CMD in exec form: \`CMD ${execArray(argv)}\`.` : 'Write the CMD in exec form (`CMD ["gunicorn", "app.wsgi"]`), moving any shell logic into the entrypoint script.',
        range: cmd.instr.range
      }
    ];
  }
};

// src/rules/start/shell-form-entrypoint.ts
var rule15 = {
  id: "shell-form-entrypoint",
  severity: "error",
  title: "ENTRYPOINT in shell form",
  description: "`/bin/sh -c` runs a shell-form ENTRYPOINT: CMD and `docker run` arguments are silently dropped, and on dash-based images (Debian/Ubuntu) the shell stays PID 1 and never forwards SIGTERM.",
  check(model) {
    const ep = model.start.entrypoint;
    if (model.windows || !ep || ep.form !== "shell" || meantExecForm(ep.instr)) return [];
    const shell = shellLinkOf(model, ep);
    if (!shell) return [];
    const command = ep.command ?? "";
    const fate = shellFate(shell, model.base);
    const dropped = `\`${show2(ep.instr)}\` runs as \`${ep.argv.slice(0, -1).join(" ")}\`, so CMD and \`docker run <image> \u2026\` arguments are silently dropped`;
    const explicit = execsLastExplicitly(command);
    let tail;
    if (fate.kind === "none" || !shell.replaced) tail = `, and ${fate.clause}`;
    else if (explicit) tail = " (the leading `exec` keeps the shell from staying PID 1)";
    else tail = ` (${fate.kind === "ash" ? "BusyBox ash" : "bash"} execs this simple command, so the app is PID 1)`;
    const argv = asExecForm(command);
    const fix = argv ? `Use exec form: \`ENTRYPOINT ${execArray(argv)}\`.` : 'Use exec form, moving the shell logic into a script that ends in `exec "$@"`: `ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]`.';
    const severity = fate.kind !== "none" && shell.replaced && !model.start.cmd ? "info" : void 0;
    return [{ message: `${dropped}${tail}.`, fix, range: ep.instr.range, ...severity ? { severity } : {} }];
  }
};

// src/rules/start/shell-operator-in-exec-form.ts
var OPERATORS2 = /* @__PURE__ */ new Set(["&&", "||", "|", ";", ">", ">>", "<", "2>", "2>&1", "&>", "&"]);
var TAKES_OPERATORS = /^(find|test|\[|expr)$/;
function operatorArgument(argv) {
  if (argv.some((a) => TAKES_OPERATORS.test(baseName2(a)))) return void 0;
  return argv.slice(1).find((a) => OPERATORS2.has(a.trim()));
}
function suggestion(keyword, argv) {
  const words = argv.map((a) => OPERATORS2.has(a.trim()) || /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a.trim() : `'${a.replace(/'/g, `'\\''`)}'`);
  if (keyword === "HEALTHCHECK") return `Use the shell form for a compound check: \`HEALTHCHECK CMD ${words.join(" ")}\`.`;
  let lastStart = 0;
  argv.forEach((a, i) => {
    if (a.trim() === "&&" || a.trim() === ";") lastStart = i + 1;
  });
  if (argv[lastStart] !== "exec" && !argv.slice(lastStart).some((a) => a.trim() === "|" || a.trim() === "&")) words.splice(lastStart, 0, "exec");
  return `Run it through a shell that execs the last program, \`${keyword} ${execArray(["/bin/sh", "-c", words.join(" ")])}\`, or move the steps into an entrypoint script that ends in \`exec "$@"\`.`;
}
var rule16 = {
  id: "shell-operator-in-exec-form",
  severity: "error",
  title: "Shell operator in exec form",
  description: "Exec form runs no shell: `&&`, `|`, `;`, `>` are passed to the program as literal arguments and nothing is chained or redirected.",
  check(model) {
    const out = [];
    for (const instr of execFormInstructions(model, true)) {
      const argv = instr.exec;
      const op = operatorArgument(argv);
      if (op === void 0) continue;
      out.push({
        message: `\`${show2(instr)}\` is exec form, so \`${op.trim()}\` is passed to \`${argv[0]}\` as a literal argument and nothing after it is ${/[<>]/.test(op) ? "redirected" : "chained"}.`,
        fix: suggestion(instr.keyword, argv),
        range: instr.range
      });
    }
    return out;
  }
};

// src/rules/start/shell-wrapper-in-exec-form.ts
var rule17 = {
  id: "shell-wrapper-in-exec-form",
  severity: "warning",
  title: "Shell wrapper without exec",
  description: 'An exec-form `sh -c "<cmd>"` start command whose command is not exec\'d leaves the shell as PID 1, where it can swallow SIGTERM.',
  check(model) {
    const out = [];
    for (const shell of model.startChain.links) {
      if (shell.kind !== "shell" || shell.command === void 0 || shell.part.form !== "exec") continue;
      const script = shell.command;
      const part = shell.part;
      if (execsLastExplicitly(script) || trapsTerm(script)) continue;
      const lastWords = lastCommand(script)?.words ?? [];
      const program = lastWords[0] ? `\`${lastWords[0]}\`` : "the program";
      const fate = shellFate(shell, model.base, program);
      const direct = asExecForm(script);
      const fix = direct ? `Drop the shell and run the program directly: \`${part.instr.keyword} ${execArray(direct)}\`.` : `End the script by replacing the shell with the program: \`\u2026 exec ${showText(lastWords.join(" "), 50)}\`.`;
      out.push({
        message: `\`${show2(part.instr)}\` runs \`${showText(script, 60)}\` under \`${shell.word}\` without \`exec\`, and ${fate.clause}.`,
        fix,
        range: part.instr.range,
        // ash and bash replace themselves with a last simple command: the program is PID 1 today.
        ...fate.implicitExec ? { severity: "info" } : {}
      });
    }
    return out;
  }
};

// src/rules/start/unexpanded-variable.ts
import { posix as posix4 } from "node:path";

// src/shell/literal-reads.ts
var PATTERN_OPS = /* @__PURE__ */ new Set(["/", "//", "/#", "/%", "#", "##", "%", "%%"]);
var REWRITERS = /* @__PURE__ */ new Set(["sed", "gsed", "perl", "awk", "gawk", "mawk", "envsubst"]);
var EXPANDERS = /* @__PURE__ */ new Set(["eval", "envsubst"]);
var LITERAL_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
var ASSIGNMENT2 = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?=/;
function wordOf(t) {
  return t.kind === "word" ? t.word.parts : t.kind === "redir" ? t.target?.parts : void 0;
}
function litText(parts) {
  return parts.map((p) => p.type === "lit" || p.type === "sq" ? p.text : "").join("");
}
function literalReads(script) {
  const out = { names: /* @__PURE__ */ new Map() };
  const aliases = /* @__PURE__ */ new Set();
  const walk2 = (parts, rewriting, at, stmt) => {
    let args = false;
    for (const p of parts) {
      if (p.type === "lit" || p.type === "sq" || p.type === "ansi") {
        if (rewriting) {
          for (const m of p.text.matchAll(LITERAL_REF)) if (!stmt.literals.has(m[1])) stmt.literals.set(m[1], at);
        }
      } else if (p.type === "dq") {
        args = walk2(p.parts, rewriting, at, stmt) || args;
      } else if (p.type === "param") {
        if (/^([@*]|[1-9][0-9]*)$/.test(p.name) || p.indirect || aliases.has(p.name)) args = true;
        args = walk2(p.arg, rewriting || PATTERN_OPS.has(p.op), p.start, stmt) || args;
      } else if (p.type === "cmdsub" || p.type === "procsub" || p.type === "array") {
        args = scan2(p.tokens) || args;
      }
    }
    return args;
  };
  const scan2 = (tokens2) => {
    let any = false;
    let stmt = { args: false, literals: /* @__PURE__ */ new Map(), sawIn: false };
    let command;
    let first = true;
    const end = () => {
      if (stmt.args) {
        for (const [name, at] of stmt.literals) if (!out.names.has(name)) out.names.set(name, at);
        if (stmt.expander !== void 0) out.expandsArgs ??= stmt.expander;
      }
      if (stmt.loopVar && (stmt.args || !stmt.sawIn)) aliases.add(stmt.loopVar);
      any ||= stmt.args;
      stmt = { args: false, literals: /* @__PURE__ */ new Map(), sawIn: false };
      command = void 0;
      first = true;
    };
    for (const t of tokens2) {
      if (t.kind === "newline" || t.kind === "op" && t.op !== "|" && t.op !== "|&") {
        end();
        continue;
      }
      if (t.kind === "op") {
        command = void 0;
        first = true;
        continue;
      }
      const parts = wordOf(t);
      if (!parts) continue;
      const text = litText(parts);
      if (t.kind === "word" && command === "for" && stmt.loopVar === void 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) stmt.loopVar = text;
      else if (t.kind === "word" && command === "for" && text === "in") stmt.sawIn = true;
      const assigned = t.kind === "word" ? ASSIGNMENT2.exec(text)?.[1] : void 0;
      if (first && t.kind === "word" && !assigned && text !== "exec" && text !== "command") {
        command = text.slice(text.lastIndexOf("/") + 1);
        first = false;
        if (EXPANDERS.has(command)) stmt.expander ??= t.start;
      }
      const args = walk2(parts, command !== void 0 && REWRITERS.has(command), t.start, stmt);
      if (assigned && args) aliases.add(assigned);
      stmt.args ||= args;
    }
    end();
    return any;
  };
  scan2(tokenize(script).tokens);
  return out;
}

// src/rules/start/unexpanded-variable.ts
var VARIABLE = /(?<![\\$])\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;
var INLINE_CODE = {
  python: /* @__PURE__ */ new Set(["-c"]),
  node: /* @__PURE__ */ new Set(["-e", "--eval", "-p", "--print"]),
  perl: /* @__PURE__ */ new Set(["-e", "-E"]),
  ruby: /* @__PURE__ */ new Set(["-e"]),
  php: /* @__PURE__ */ new Set(["-r"]),
  pwsh: /* @__PURE__ */ new Set(["-c", "-command", "-Command"])
};
function codeArguments(argv) {
  const skip = /* @__PURE__ */ new Set();
  for (let i = 0; i < argv.length; i++) {
    const script = commandStringAt(argv, i);
    if (script !== void 0) skip.add(script);
    const flags = INLINE_CODE[programName(argv[i])];
    if (flags) {
      for (let j = i + 1; j < argv.length; j++) if (flags.has(argv[j])) skip.add(j + 1);
    }
    if (/^(jq|awk|gawk|mawk|envsubst)$/.test(baseName2(argv[i]))) for (let j = i + 1; j < argv.length; j++) skip.add(j);
  }
  return skip;
}
function literalVariables(argv, before = []) {
  const code2 = codeArguments([...before, ...argv]);
  const names = [];
  argv.forEach((arg, i) => {
    if (code2.has(before.length + i)) return;
    for (const m of arg.matchAll(VARIABLE)) {
      const name = m[1] ?? m[2];
      if (!names.includes(name)) names.push(name);
    }
  });
  return names;
}
function shellWord(arg) {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  if (arg.includes("$")) return `"${arg.replace(/(["\\`])/g, "\\$1")}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
function hit3(instr, argv, names, noShell, base) {
  const shown = names.slice(0, 3).map((n) => `$${n}`).join(", ");
  const more = names.length > 3 ? " \u2026" : "";
  const script = argv.map(shellWord).join(" ");
  const isHealth = instr.keyword === "HEALTHCHECK";
  let fix;
  if (noShell) fix = `\`${base}\` has no shell to expand ${shown}: have the program read the environment variable itself.`;
  else if (isHealth) fix = `Use the shell form so the shell expands it: \`HEALTHCHECK CMD ${script}\`.`;
  else fix = `Let a shell expand it and then replace itself: \`${instr.keyword} ${execArray(["/bin/sh", "-c", `exec ${script}`])}\`, or have the program read the environment variable itself.`;
  return {
    message: `\`${show2(instr)}\` is exec form, so no shell expands ${shown}${more} and the program receives the literal text \`${names.length === 1 ? `$${names[0]}` : shown}\`.`,
    fix,
    range: instr.range
  };
}
function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
function wrapperNamed(model, word) {
  return model.wrappers.find(
    (w) => w.role === "start" && (word === w.imagePath || !word.startsWith("/") && posix4.basename(w.imagePath) === posix4.basename(word))
  );
}
function readerOf(model, argv, from, name) {
  const at = argv.findIndex((a, i) => i >= from && literalVariables([a]).includes(name));
  for (const word of argv.slice(0, Math.max(at, 0))) {
    const script = wrapperNamed(model, word);
    if (!script) continue;
    const reads = literalReads(script.text);
    const offset = reads.names.get(name) ?? reads.expandsArgs;
    if (offset !== void 0) return { script, line: lineAt(script.text, offset) + script.lineOffset };
  }
  return void 0;
}
function readByWrapper(model, instr, before, names) {
  if (instr.keyword === "HEALTHCHECK") return void 0;
  const argv = [...before, ...instr.exec];
  const readers = names.map((n) => readerOf(model, argv, before.length, n));
  return readers.every((r) => r !== void 0) ? readers[0] : void 0;
}
var rule18 = {
  id: "unexpanded-variable",
  severity: "warning",
  title: "Variable in exec form",
  description: "Exec-form ENTRYPOINT/CMD/HEALTHCHECK arguments are not expanded by any shell: `$VAR` reaches the program as literal text.",
  check(model) {
    const out = [];
    const ep = model.start.entrypoint;
    for (const instr of execFormInstructions(model, true)) {
      const before = instr.keyword === "CMD" && ep?.form === "exec" ? ep.argv : [];
      const names = literalVariables(instr.exec, before);
      if (names.length === 0) continue;
      const h = hit3(instr, instr.exec, names, lacksShell(model.base), model.base.ref);
      const reader = readByWrapper(model, instr, before, names);
      if (reader) {
        const shown = names.slice(0, 3).map((n) => `$${n}`).join(", ");
        h.message = `\`${show2(instr)}\` is exec form, so \`${shown}\` reaches the start script as literal text, which ${reader.script.file} replaces itself (line ${reader.line}): deliberate.`;
        h.fix = "Nothing to fix; keep the literal text and the substitution in the script in step.";
        h.severity = "info";
      }
      out.push(h);
    }
    return out;
  }
};

// src/rules/start/ungraceful-stopsignal.ts
function ungracefulSignal(value) {
  const v = value.trim().replace(/^["']|["']$/g, "").toUpperCase().replace(/^SIG/, "");
  if (v === "KILL" || v === "9") return "SIGKILL";
  if (v === "STOP" || v === "19") return "SIGSTOP";
  return void 0;
}
var rule19 = {
  id: "ungraceful-stopsignal",
  severity: "error",
  title: "Stop signal cannot be handled",
  description: "STOPSIGNAL SIGKILL or SIGSTOP cannot be caught: the process can never shut down cleanly.",
  check(model) {
    const stop = model.start.stopSignal;
    if (model.windows || !stop) return [];
    const signal = ungracefulSignal(stop.value);
    if (!signal) return [];
    const consequence = signal === "SIGKILL" ? "so every `docker stop` and Kubernetes rollout kills the process outright with no chance to finish requests, flush or release locks" : "so `docker stop` only freezes the process and it is SIGKILLed after the grace period without ever running its shutdown code";
    return [
      {
        message: `\`STOPSIGNAL ${stop.value}\` sends ${signal}, which no process can catch, ${consequence}.`,
        fix: "Remove the STOPSIGNAL line (SIGTERM is the default) or use the signal the server documents for graceful shutdown (e.g. `STOPSIGNAL SIGQUIT` for nginx).",
        range: stop.instr.range
      }
    ];
  }
};

// src/rules/start/index.ts
var startRules = [
  rule15,
  rule13,
  rule14,
  rule5,
  rule9,
  rule7,
  rule18,
  rule16,
  rule17,
  rule11,
  rule6,
  rule12,
  rule10,
  rule19,
  rule8
];

// src/rules/wrapper/file-facts.ts
function isHeredoc(model, w) {
  return w.absPath === void 0 && w.file === model.file;
}
function scriptLabel(model, w) {
  return isHeredoc(model, w) ? `The COPY heredoc ${w.imagePath}` : `\`${w.file}\``;
}
function scriptLineRange(w, line) {
  const text = (w.text.split("\n")[line - 1] ?? "").replace(/\r$/, "");
  return { line: line + w.lineOffset, column: 1, endLine: line + w.lineOffset, endColumn: text.length + 1 };
}
function executedDirectly(w) {
  return w.role === "start" && w.interpreter === void 0;
}
function rewrittenLater(model, w, programs, accept) {
  const { steps } = buildSteps(model, model.finalStage);
  const k = steps.findIndex((s) => s.instr === w.copy);
  if (k < 0) return false;
  return runCommandsOn(steps, k + 1, steps.length, w.imagePath, programs).some((c) => accept(c.words));
}

// src/rules/wrapper/crlf-line-endings.ts
var CONVERTERS = /* @__PURE__ */ new Set(["dos2unix", "fromdos", "sed", "perl"]);
var rule20 = {
  id: "crlf-line-endings",
  severity: "error",
  title: "CRLF line endings in a wrapper script",
  description: 'A start script with CRLF line endings names the interpreter `/bin/sh\\r`: the container fails with "no such file or directory".',
  check(model) {
    if (model.windows) return [];
    const hits = [];
    for (const w of model.wrappers) {
      const at = w.text.indexOf("\r\n");
      if (at < 0) continue;
      if (rewrittenLater(model, w, CONVERTERS, (words) => words[0] === "dos2unix" || words[0] === "fromdos" || words.some((x) => x.includes("\\r")))) continue;
      const line = w.text.slice(0, at).split("\n").length;
      const label = scriptLabel(model, w);
      const consequence = executedDirectly(w) && line === 1 && w.text.startsWith("#!") ? `so the kernel looks for the interpreter \`${w.text.slice(2, at).trim().split(/\s+/)[0] ?? "/bin/sh"}\\r\` and the container fails with \`no such file or directory\`` : "so the shell reads a `\\r` at the end of every command and the script fails with errors like `set: illegal option -` or `$'\\r': command not found`";
      hits.push({
        message: `${label} has Windows (CRLF) line endings from line ${line}, ${consequence}.`,
        fix: `Convert it to LF (\`dos2unix ${w.absPath ? w.file : w.imagePath}\`) and add \`*.sh text eol=lf\` to .gitattributes so Windows checkouts keep LF.`,
        range: scriptLineRange(w, line),
        file: w.file
      });
    }
    return hits;
  }
};

// src/rules/wrapper/utf8-bom.ts
var rule21 = {
  id: "utf8-bom",
  severity: "error",
  title: "UTF-8 BOM in a wrapper script",
  description: 'A UTF-8 BOM before `#!` hides the shebang from the kernel: the container fails with "exec format error".',
  check(model) {
    if (model.windows) return [];
    const hits = [];
    for (const w of model.wrappers) {
      if (!w.text.startsWith("\uFEFF")) continue;
      const label = scriptLabel(model, w);
      const consequence = executedDirectly(w) && w.text.startsWith("\uFEFF#!") ? "so the kernel does not see its `#!` line and the container fails with `exec format error`" : "so the shell reads the invisible bytes as part of the first command and fails with `not found`";
      hits.push({
        message: `${label} starts with a UTF-8 byte order mark, ${consequence}.`,
        fix: `Save it as UTF-8 without BOM (\`sed -i '1s/^\\xEF\\xBB\\xBF//' ${w.absPath ? w.file : w.imagePath}\`, or "UTF-8" instead of "UTF-8 with BOM" in the editor).`,
        range: scriptLineRange(w, 1),
        file: w.file
      });
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-missing-shebang.ts
var rule22 = {
  id: "wrapper-missing-shebang",
  severity: "error",
  title: "Wrapper script without #! line",
  description: 'A start script without a `#!` first line cannot be executed by the kernel: the container fails with "exec format error".',
  check(model) {
    if (model.windows) return [];
    const hits = [];
    for (const w of model.wrappers) {
      if (!executedDirectly(w) || w.text.startsWith("#!") || w.text.startsWith("\uFEFF#!")) continue;
      const first = (w.text.split("\n")[0] ?? "").replace(/\r$/, "").trim();
      hits.push({
        message: `${scriptLabel(model, w)} is the start command's script but has no \`#!\` first line${first ? ` (it starts with \`${first.slice(0, 40)}\`)` : ""}, so the kernel refuses to run it and the container fails with \`exec format error\`.`,
        fix: "Make `#!/bin/sh` (or the interpreter the script is written for) its first line.",
        range: scriptLineRange(w, 1),
        file: w.file
      });
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-not-executable.ts
function why(w, mode) {
  const chmod = w.copy.flags.get("chmod");
  switch (mode.source) {
    case "git-index":
      return "it is 100644 in git's index and neither `--chmod` nor a `RUN chmod` adds the x bit";
    case "filesystem":
      return "it is not executable in the build context and neither `--chmod` nor a `RUN chmod` adds the x bit";
    case "heredoc":
      return "COPY heredocs are created with mode 0644 and neither `--chmod` nor a `RUN chmod` adds the x bit";
    case "chmod-flag":
      return `\`--chmod=${chmod ?? ""}\` leaves it without an x bit`;
    case "run-chmod":
      return "the last `RUN chmod` on it leaves it without an x bit";
    default:
      return "nothing gives it an x bit";
  }
}
var rule23 = {
  id: "wrapper-not-executable",
  severity: "error",
  title: "Wrapper script not executable",
  description: 'The start script is copied without an execute bit: the container fails with "permission denied".',
  check(model) {
    if (model.windows) return [];
    const hits = [];
    for (const w of model.wrappers) {
      if (!executedDirectly(w) || w.mode.executable !== false) continue;
      const copy = w.copy;
      const heredoc = isHeredoc(model, w);
      const gitFix = w.mode.source === "git-index" ? `, or mark it executable in git (\`git update-index --chmod=+x ${w.file}\`)` : w.mode.source === "filesystem" ? `, or \`chmod +x ${w.file}\`` : "";
      hits.push({
        message: `${scriptLabel(model, w)} ${heredoc ? "is created" : `is copied to ${w.imagePath}`} without an execute bit (${why(w, w.mode)}), so the container fails with \`permission denied\`.`,
        fix: heredoc ? `Create it executable: \`COPY --chmod=755 <<EOF ${w.imagePath}\`.` : `Copy it with \`${copy.keyword} --chmod=755 \u2026\`${gitFix}.`,
        range: copy.range,
        file: model.file
      });
    }
    return hits;
  }
};

// src/shell/flow.ts
var PASS = /* @__PURE__ */ Symbol("caller");
var NOT_MAIN = /* @__PURE__ */ new Set([
  ":",
  "true",
  "false",
  "echo",
  "printf",
  "set",
  "shift",
  "export",
  "local",
  "declare",
  "typeset",
  "readonly",
  "unset",
  "cd",
  "pushd",
  "popd",
  "umask",
  "ulimit",
  "trap",
  "test",
  "[",
  "[[",
  "read",
  "source",
  ".",
  "alias",
  "unalias",
  "hash",
  "type",
  "getopts",
  "let",
  "break",
  "continue",
  "shopt",
  "mkdir",
  "chown",
  "chmod",
  "chgrp",
  "rm",
  "ln",
  "cp",
  "mv",
  "touch",
  "cat",
  "ls",
  "id",
  "whoami",
  "date",
  "logger",
  "basename",
  "dirname",
  "readlink",
  "realpath",
  "stat",
  "install",
  "envsubst",
  "sed",
  "awk",
  "grep",
  "egrep",
  "fgrep",
  "find",
  "tr",
  "cut",
  "head",
  "sort",
  "uniq",
  "wc",
  "tee",
  "usermod",
  "useradd",
  "groupadd",
  "groupmod",
  "addgroup",
  "adduser",
  "deluser",
  "getent",
  "sync",
  "update-ca-certificates",
  "ldconfig",
  "printenv",
  "hostname",
  "uname",
  "mktemp",
  "kill",
  "sleep",
  "tail",
  "env",
  "command",
  "chpasswd",
  "xargs",
  "ulimit",
  "sysctl",
  "mountpoint",
  "nproc"
]);
var PASSIVE = /* @__PURE__ */ new Set([":", "true", "false", "test", "[", "[[", "type", "break", "continue", "sleep"]);
var REPORT_ONLY = /* @__PURE__ */ new Set([":", "true", "echo", "printf", "logger", "exit"]);
function isPassive(cmd) {
  if (cmd.words.length === 0) return false;
  const base = commandBase(cmd.words[0]);
  if (base === "command") return isPlumbing(cmd);
  return base !== void 0 && PASSIVE.has(base) && isPlumbing(cmd);
}
function reportOnly(pl) {
  const base = (c2) => c2?.kind === "simple" ? commandBase(c2.words[0]) : void 0;
  const [c] = pl.commands;
  if (pl.commands.length !== 1 || !c) return false;
  if (c.kind === "simple") return ["exit", "true", ":"].includes(base(c) ?? "");
  if (c.kind !== "group") return false;
  const cmds = c.body.map((st) => st.background || st.andOr.rest.length > 0 || st.andOr.first.commands.length !== 1 ? void 0 : st.andOr.first.commands[0]);
  return cmds.length > 0 && base(cmds[cmds.length - 1]) === "exit" && cmds.every((x) => REPORT_ONLY.has(base(x) ?? ""));
}
function isPlumbing(cmd) {
  const base = commandBase(cmd.words[0]);
  if (base === void 0) return false;
  const args = cmd.words.slice(1).map((w) => staticValue(w));
  if (base === "sleep") return !args.some((a) => a === "infinity" || a === "inf");
  if (base === "tail") return !args.some((a) => a !== void 0 && /^-[a-zA-Z]*[fF]/.test(a));
  if (base === "env") return !cmd.words.slice(1).some((w) => !/^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(w.raw));
  if (base === "command") return args[0] === "-v" || args[0] === "-V";
  return NOT_MAIN.has(base);
}
function evalText(cmd) {
  return cmd.words.slice(1).map((w) => w.raw.replace(/^['"]|['"]$/g, "")).join(" ").trim();
}
function isArgvWord(w) {
  if (isQuotedAllArgs(w)) return true;
  const [p] = w.parts;
  return w.parts.length === 1 && p?.type === "param" && (p.name === "@" || p.name === "*") && p.op === "" && !p.length;
}
var BUDGET = 2e5;
var MAX_PATHS = 256;
var Flow = class {
  constructor(functions) {
    this.functions = functions;
  }
  functions;
  argvThenExit = [];
  background = [];
  execs = [];
  complete = true;
  budget = BUDGET;
  summaries = /* @__PURE__ */ new Map();
  returns = [];
  current;
  run(stmts) {
    return this.list(stmts, /* @__PURE__ */ new Set([null]));
  }
  /** Tag a significant command with the function it runs in. */
  at(sig) {
    if (this.current) sig.fn = this.current;
    return sig;
  }
  spend() {
    if (--this.budget <= 0) this.complete = false;
    return this.complete;
  }
  list(stmts, state) {
    let s = state;
    for (const stmt of stmts) {
      if (s.size === 0 || !this.complete) break;
      s = this.stmt(stmt, s);
      if (s.size > MAX_PATHS) this.complete = false;
    }
    return s;
  }
  stmt(stmt, state) {
    if (!this.spend()) return state;
    const pipelines = [stmt.andOr.first, ...stmt.andOr.rest.map((r) => r.pipeline)];
    if (stmt.background) {
      let passive = true;
      for (const pl of pipelines) {
        for (const cmd of pl.commands) {
          const sig = this.isolated(cmd);
          if (sig) this.background.push(sig);
          if (sig || !this.passiveCommand(cmd)) passive = false;
        }
      }
      return passive ? state : supersede(state);
    }
    let lastReal = pipelines.length - 1;
    while (lastReal > 0 && reportOnly(pipelines[lastReal])) lastReal--;
    const out = /* @__PURE__ */ new Set();
    let current = state;
    pipelines.forEach((pl, i) => {
      const before = current;
      let after = this.pipeline(pl, current);
      if (i < lastReal || pl.negated) after = tested(before, after);
      for (const x of after) out.add(x);
      current = i === 0 ? after : out;
    });
    return pipelines.length === 1 ? current : out;
  }
  /** A command that neither runs a program nor does work (see PASSIVE). */
  passiveCommand(cmd) {
    return cmd.kind === "simple" && isPassive(cmd);
  }
  /** Evaluate a condition: its commands run, but their status is consumed. */
  condition(stmts, state) {
    return tested(state, this.list(stmts, state));
  }
  pipeline(pl, state) {
    if (pl.commands.length === 0) return state;
    if (pl.commands.length === 1) return this.command(pl.commands[0], state);
    for (const cmd of pl.commands) {
      const sig = this.isolated(cmd);
      if (sig) return /* @__PURE__ */ new Set([this.at({ kind: "pipeline", cmd, start: pl.start, end: pl.commands[pl.commands.length - 1].end, pipeline: pl.commands })]);
    }
    return pl.commands.every((c) => this.passiveCommand(c)) ? state : supersede(state);
  }
  /** Evaluate a command on its own (pipeline element, background job, subshell body): its significant command, if any. */
  isolated(cmd) {
    const execsBefore = this.execs.length;
    const result = this.command(cmd, /* @__PURE__ */ new Set([null]));
    for (const x of result) if (x && x !== PASS) return x;
    if (this.execs.length > execsBefore) {
      const exec = this.execs[this.execs.length - 1];
      this.execs.length = execsBefore;
      return this.at({ kind: "program", cmd: exec, start: exec.start, end: exec.end });
    }
    return void 0;
  }
  command(cmd, state) {
    if (!this.spend()) return state;
    switch (cmd.kind) {
      case "simple":
        return this.simple(cmd, state);
      case "function":
        return state;
      case "group":
        return this.list(cmd.body, state);
      case "subshell": {
        const execsBefore = this.execs.length;
        const inner = this.list(cmd.body, /* @__PURE__ */ new Set([PASS]));
        const replaced = this.execs.length > execsBefore;
        this.execs.length = execsBefore;
        const significant = replaced || [...inner].some((x) => x !== null && x !== PASS);
        if (significant) return /* @__PURE__ */ new Set([this.at({ kind: "subshell", cmd, start: cmd.start, end: cmd.end })]);
        return inner.has(null) ? supersede(state) : state;
      }
      case "if": {
        const out = /* @__PURE__ */ new Set();
        let cur = state;
        for (const clause of cmd.clauses) {
          cur = this.condition(clause.cond, cur);
          for (const x of this.list(clause.body, cur)) out.add(x);
        }
        for (const x of cmd.elseBody ? this.list(cmd.elseBody, cur) : cur) out.add(x);
        return out;
      }
      case "case": {
        const out = /* @__PURE__ */ new Set();
        let catchAll = false;
        for (const item of cmd.items) {
          if (item.patterns.some((p) => p.raw === "*")) catchAll = true;
          for (const x of this.list(item.body, state)) out.add(x);
        }
        if (!catchAll) for (const x of state) out.add(x);
        return out;
      }
      case "while":
      case "until": {
        const afterCond = this.condition(cmd.cond, state);
        const out = new Set(afterCond);
        const afterBody = this.list(cmd.body, afterCond);
        for (const x of this.condition(cmd.cond, afterBody)) out.add(x);
        return out;
      }
      case "for": {
        const out = new Set(state);
        for (const x of tested(state, this.list(cmd.body, state))) out.add(x);
        return out;
      }
    }
  }
  simple(cmd, state) {
    const w0 = cmd.words[0];
    if (!w0) return supersede(state);
    const base = commandBase(w0);
    const sig = (kind) => /* @__PURE__ */ new Set([this.at({ kind, cmd, start: cmd.start, end: cmd.end })]);
    if (base === void 0) return sig(isArgvWord(w0) ? "argv" : "program");
    switch (base) {
      case "exec":
        if (!execTarget(cmd)) return state;
        this.execs.push(cmd);
        return /* @__PURE__ */ new Set();
      case "exit":
        for (const x of state) if (x && x !== PASS && x.kind === "argv" && x.cmd.kind === "simple" && x.cmd.words.length === 1) this.argvThenExit.push(x);
        return /* @__PURE__ */ new Set();
      case "return": {
        const top = this.returns[this.returns.length - 1];
        if (top) for (const x of state) top.add(x);
        return /* @__PURE__ */ new Set();
      }
      case "wait":
        return sig("wait");
      case "eval": {
        const text = evalText(cmd);
        if (/^exec\s+\S/.test(text)) {
          this.execs.push(cmd);
          return /* @__PURE__ */ new Set();
        }
        if (/\$\{?[@*]/.test(text)) return sig("argv");
        return supersede(state);
      }
    }
    const staticName = staticValue(w0);
    const fn = staticName !== void 0 && !staticName.includes("/") ? this.functions.get(staticName) : void 0;
    if (fn) return this.call(fn, state);
    if (isPlumbing(cmd)) return isPassive(cmd) ? state : supersede(state);
    return sig("program");
  }
  call(fn, state) {
    let summary = this.summaries.get(fn.name);
    if (summary === "computing") return state;
    if (!summary) {
      this.summaries.set(fn.name, "computing");
      const returns = /* @__PURE__ */ new Set();
      this.returns.push(returns);
      const outer = this.current;
      this.current = fn;
      const end = fn.body ? this.command(fn.body, /* @__PURE__ */ new Set([PASS])) : /* @__PURE__ */ new Set([PASS]);
      this.current = outer;
      this.returns.pop();
      summary = /* @__PURE__ */ new Set([...end, ...returns]);
      this.summaries.set(fn.name, summary);
    }
    const out = /* @__PURE__ */ new Set();
    for (const x of summary) {
      if (x === PASS) for (const y of state) out.add(y);
      else out.add(x);
    }
    return out;
  }
};
function supersede(state) {
  return state.size === 0 ? state : /* @__PURE__ */ new Set([null]);
}
function tested(before, after) {
  const out = /* @__PURE__ */ new Set();
  for (const x of after) out.add(x && x !== PASS && !before.has(x) ? null : x);
  return out;
}
function analyzeFlow(stmts, functions) {
  const flow = new Flow(functions);
  const end = flow.run(stmts);
  const finals = [];
  for (const x of end) if (x && x !== PASS) finals.push(x);
  return { finals, argvThenExit: flow.argvThenExit, background: flow.background, execs: flow.execs, complete: flow.complete };
}

// src/rules/wrapper/common.ts
var analyses = /* @__PURE__ */ new WeakMap();
var definedIn = /* @__PURE__ */ new WeakMap();
function analysisOf(wrapper) {
  let a = analyses.get(wrapper);
  if (!a) {
    a = analyzeScript(wrapper.text);
    analyses.set(wrapper, a);
    for (const fn of a.functions.values()) definedIn.set(fn, wrapper);
  }
  return a;
}
var flows = /* @__PURE__ */ new WeakMap();
function flowOf(script) {
  let flow = flows.get(script.wrapper);
  if (!flow) {
    flow = analyzeFlow(script.analysis.body, script.functions);
    flows.set(script.wrapper, flow);
  }
  return flow;
}
function sourceOf(script, fn) {
  const wrapper = fn ? definedIn.get(fn) : void 0;
  return wrapper && wrapper !== script.wrapper ? { wrapper, analysis: analysisOf(wrapper) } : script;
}
function dialectFor(model, wrapper, analysis) {
  const family2 = model.base.family;
  if (wrapper.role === "start") return scriptDialect(analysis.shebang, family2, wrapper.interpreter);
  const starter = model.wrappers.find((w) => w.role === "start" && dialectFor(model, w, analysisOf(w)) !== void 0);
  if (starter) return dialectFor(model, starter, analysisOf(starter));
  return scriptDialect(analysis.shebang, family2);
}
function shellScripts(model, roles = ["start", "sourced"]) {
  if (model.windows) return [];
  const out = [];
  const library = /* @__PURE__ */ new Map();
  for (const wrapper of model.wrappers) {
    if (wrapper.role !== "sourced") continue;
    for (const [name, fn] of analysisOf(wrapper).functions) library.set(name, fn);
  }
  for (const wrapper of model.wrappers) {
    if (!roles.includes(wrapper.role)) continue;
    const analysis = analysisOf(wrapper);
    const dialect = dialectFor(model, wrapper, analysis);
    if (!dialect) continue;
    const functions = library.size === 0 ? analysis.functions : new Map([...library, ...analysis.functions]);
    out.push({ wrapper, analysis, dialect, functions });
  }
  return out;
}
function initProcess(model) {
  const init = chainInit(model.startChain);
  return init ? { name: init.name, mode: init.groupSignals ? "group" : "single" } : void 0;
}
function scriptHit(script, start, end, message, fix) {
  const a = script.analysis;
  const offset = script.wrapper.lineOffset;
  const line = a.lineOf(start);
  let endLine = a.lineOf(Math.max(start, end));
  let endColumn = a.columnOf(Math.max(start, end));
  if (endLine !== line) {
    endLine = line;
    const nl = a.text.indexOf("\n", start);
    endColumn = (nl < 0 ? a.text.length : nl) - start + a.columnOf(start);
  }
  return {
    message,
    fix,
    file: script.wrapper.file,
    range: { line: line + offset, column: a.columnOf(start), endLine: endLine + offset, endColumn }
  };
}
function code(text) {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

// src/rules/wrapper/wrapper-missing-exec.ts
var LOG_SINKS = /* @__PURE__ */ new Set(["tee", "logger", "cat", "sed", "awk", "grep", "ts", "multilog", "cronolog", "rotatelogs", "svlogd", "s6-log", "pino-pretty", "bunyan", "jq"]);
function trapsTerm2(script) {
  let found = false;
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind !== "simple" || commandBase(cmd.words[0]) !== "trap") return;
    if (cmd.words.slice(2).some((w) => /^(SIG)?TERM$|^15$/i.test(staticValue(w) ?? ""))) found = true;
  });
  return found;
}
var runsScript = (base) => interpreterOf(base) !== void 0 || knownProgram(base)?.role === "shell" || base === "bun" || base === "deno";
function jobWords(sig) {
  if (sig.cmd.kind !== "simple") return void 0;
  const [w0, ...rest] = sig.cmd.words;
  const base = commandBase(w0);
  if (base === void 0) return void 0;
  if (!runsScript(base)) return [base];
  const operands = rest.filter((w) => !w.raw.startsWith("-")).map((w) => commandBase(w));
  if (operands.length === 0 || operands.some((o) => o === void 0)) return void 0;
  return operands;
}
function cronText(script) {
  const { text } = script.analysis;
  const lineOf = (at) => text.slice(text.lastIndexOf("\n", at - 1) + 1, (text.indexOf("\n", at) + 1 || text.length + 1) - 1);
  let out = "";
  walkCommands(script.analysis.body, (cmd) => {
    if (cmd.kind !== "simple") return;
    const intoCron = cmd.redirs.some((r) => /cron/.test(r.target?.raw ?? ""));
    if (!intoCron && commandBase(cmd.words[0]) !== "crontab") return;
    out += `${lineOf(cmd.start)}
`;
    for (const r of cmd.redirs) if (r.heredoc) out += `${text.slice(r.heredoc.bodyStart, r.heredoc.bodyEnd)}
`;
  });
  return out;
}
function scheduledJob(sig, cron) {
  const words = jobWords(sig);
  if (!words || cron === "") return false;
  const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return cron.split("\n").some((line) => words.every((w) => new RegExp(`(^|[\\s/'"=])${escape(w)}([\\s'";]|$)`).test(line)));
}
function programName2(sig) {
  const cmd = sig.cmd.kind === "simple" ? sig.cmd : void 0;
  const base = cmd ? commandBase(cmd.words[0]) : void 0;
  return base ? code(base) : "the app";
}
var rule24 = {
  id: "wrapper-missing-exec",
  severity: "error",
  title: "Wrapper runs the app without exec",
  description: "The wrapper script starts the main process as a child instead of replacing itself with `exec`, so the shell stays PID 1 and SIGTERM never reaches the app.",
  check(model) {
    const hits = [];
    const init = initProcess(model);
    if (init?.mode === "group") return hits;
    const consequence = (app) => init ? `so ${init.name} delivers SIGTERM to the shell only, which exits at once, and ${app} is SIGKILLed with the container without a clean shutdown` : `so the shell stays PID 1, ignores SIGTERM and \`docker stop\` SIGKILLs ${app} after the grace period`;
    for (const script of shellScripts(model, ["start"])) {
      const flow = flowOf(script);
      if (!flow.complete) continue;
      const seen = /* @__PURE__ */ new Set();
      const report = (sig, build) => {
        const where = sourceOf(script, sig.fn);
        const key = `${where.wrapper.file}\0${sig.start}`;
        if (seen.has(key)) return;
        seen.add(key);
        const [message, fix] = build(commandText(where.analysis.text, sig));
        hits.push(scriptHit(where, sig.start, sig.end, message, fix));
      };
      const argv = (sig, before) => report(sig, (text) => [
        `${code(text)} runs the container's command as a child of the script${before}, ${consequence("the app")}.`,
        'Replace it with `exec "$@"` so the command takes over PID 1 and receives SIGTERM itself.'
      ]);
      const cron = cronText(script);
      for (const sig of flow.finals) {
        if (scheduledJob(sig, cron)) continue;
        switch (sig.kind) {
          case "argv":
            argv(sig, "");
            break;
          case "program":
            report(sig, (text) => [
              `${code(text)} runs as a child of the shell, ${consequence(programName2(sig))}.`,
              `Start it with ${code(`exec ${text}`)} so it replaces the shell and receives SIGTERM itself.`
            ]);
            break;
          case "pipeline": {
            const last = sig.pipeline?.[sig.pipeline.length - 1];
            if (last?.kind !== "simple" || !LOG_SINKS.has(commandBase(last.words[0]) ?? "")) break;
            report(sig, (text) => [
              `${code(text)} runs the app inside a pipeline, so the shell stays PID 1 and SIGTERM never reaches the app.`,
              "Drop the pipe (write logs to stdout/stderr) and start the app with `exec`."
            ]);
            break;
          }
          case "subshell":
            report(sig, (text) => [
              `${code(text)} runs the app in a subshell, so the script's shell stays PID 1 and SIGTERM never reaches the app.`,
              "Run the commands without the parentheses and start the app with `exec`."
            ]);
            break;
          case "wait":
            break;
        }
      }
      const job = flow.background[0];
      if (job && flow.finals.some((s) => s.kind === "wait") && !trapsTerm2(script)) {
        report(job, (text) => {
          const app = text.replace(/\s*&$/, "");
          return [
            `${code(`${app} &`)} runs in the background while the shell waits as PID 1, so SIGTERM stops at the shell and ${programName2(job)} is SIGKILLed after the grace period.`,
            `Run it in the foreground with ${code(`exec ${app}`)}, or trap TERM and forward it with \`kill\` before \`wait\`.`
          ];
        });
      }
      for (const sig of flow.argvThenExit) argv(sig, " before `exit`");
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-unquoted-args.ts
var rule25 = {
  id: "wrapper-unquoted-args",
  severity: "warning",
  title: "Wrapper passes arguments unquoted",
  description: '`exec $@`, `exec $*` and `exec "$*"` re-split the container\'s arguments on whitespace (and glob them) or join them into one.',
  check(model) {
    const hits = [];
    for (const script of shellScripts(model, ["start"])) {
      const src = script.analysis.text;
      const programs = [];
      walkCommands(script.analysis.body, (cmd) => {
        if (cmd.kind !== "simple") return;
        const target = execTarget(cmd);
        if (target) programs.push({ cmd, target });
      });
      const flow = flowOf(script);
      if (flow.complete) {
        for (const sig of flow.finals) if (sig.cmd.kind === "simple" && sourceOf(script, sig.fn).wrapper === script.wrapper && !programs.some((p) => p.cmd === sig.cmd)) programs.push({ cmd: sig.cmd, target: sig.cmd.words });
      }
      for (const { cmd, target } of programs.sort((a, b) => a.cmd.start - b.cmd.start)) {
        target.forEach((word, i) => {
          const misuse = argsMisuse(word);
          if (!misuse) return;
          if (misuse.kind === "joined" && staticValue(target[i - 1]) === "-c") return;
          const before = src.slice(cmd.start, word.start);
          const after = src.slice(word.end, cmd.end);
          const fixed = commandText(`${before}"$@"${after}`, { start: 0, end: before.length + 4 + after.length }, 90);
          const consequence = misuse.kind === "joined" ? `joins all of the container's arguments into one, so \`docker run <image> --workers 4\` reaches the app as the single argument "--workers 4"` : `re-splits the container's arguments on whitespace and expands globs in them, so an argument like "my file" or "*.conf" reaches the app changed`;
          hits.push(scriptHit(script, word.start, word.end, `${code(word.raw)} in ${code(commandText(src, cmd))} ${consequence}.`, `Quote it as "$@": ${code(fixed)}.`));
        });
      }
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-no-errexit.ts
var NOT_A_STEP = /* @__PURE__ */ new Set([
  ":",
  "true",
  "false",
  "echo",
  "printf",
  "set",
  "shift",
  "export",
  "local",
  "declare",
  "typeset",
  "readonly",
  "unset",
  "trap",
  "umask",
  "ulimit",
  "test",
  "[",
  "[[",
  "exec",
  "exit",
  "return",
  "wait",
  "eval",
  "source",
  ".",
  "cd",
  "alias",
  "unalias",
  "hash",
  "type",
  "command",
  "getopts",
  "let",
  "read",
  "break",
  "continue",
  "shopt",
  "printenv",
  "sleep"
]);
var BEST_EFFORT = /* @__PURE__ */ new Set([
  "chown",
  "chmod",
  "chgrp",
  "mkdir",
  "touch",
  "ln",
  "rm",
  "sed",
  "find",
  "cat",
  "ls",
  "tee",
  "date",
  "id",
  "getent",
  "whoami",
  "hostname",
  "env",
  "logger",
  "usermod",
  "groupmod",
  "useradd",
  "groupadd",
  "adduser",
  "addgroup",
  "deluser",
  "delgroup",
  "chpasswd",
  "ulimit",
  "sysctl",
  "sync",
  "tr",
  "cut",
  "awk",
  "grep",
  "head",
  "tail",
  "sort"
]);
function handlesFailures(script) {
  let found = false;
  walkCommands(script.analysis.body, (cmd) => {
    if (found) return;
    for (const w of commandWords(cmd)) if (paramUses(w).some((u) => u.param.name === "?")) found = true;
    if (cmd.kind !== "simple") return;
    const base = commandBase(cmd.words[0]);
    if (base === "set") {
      const f = setFlags(cmd);
      if (f.off.has("e") || f.optionsOff.has("errexit")) found = true;
    }
    if (base === "trap" && cmd.words.slice(2).some((w) => staticValue(w) === "ERR")) found = true;
  });
  return found;
}
function errexitOn(cmd) {
  if (commandBase(cmd.words[0]) !== "set") return false;
  const flags = setFlags(cmd);
  return flags.on.has("e") || flags.optionsOn.has("errexit");
}
var NONE = 0;
var BEST = 1;
var MATTERS = 2;
function functionStep(script, fn, memo) {
  const known = memo.get(fn.name);
  if (known !== void 0) return known;
  memo.set(fn.name, NONE);
  let found = NONE;
  if (fn.body) {
    walkCommands([{ andOr: { first: { negated: false, commands: [fn.body], start: fn.start }, rest: [] }, background: false, start: fn.start, end: fn.end }], (cmd, ctx) => {
      if (found === MATTERS || ctx.inCondition || ctx.detached || ctx.inSubstitution) return;
      const kind = stepKind(script, cmd, memo);
      if (kind > found) found = kind;
    });
  }
  memo.set(fn.name, found);
  return found;
}
var appStarts = /* @__PURE__ */ new WeakMap();
function stepKind(script, cmd, memo) {
  if (cmd.kind !== "simple" || cmd.words.length === 0) return NONE;
  if (appStarts.get(script)?.has(cmd)) return NONE;
  const name = staticValue(cmd.words[0]);
  const base = commandBase(cmd.words[0]);
  if (base !== void 0 && NOT_A_STEP.has(base)) return NONE;
  if (base !== void 0 && BEST_EFFORT.has(base)) return BEST;
  const fn = name !== void 0 && !name.includes("/") ? script.functions.get(name) : void 0;
  if (fn) return functionStep(script, fn, memo);
  return MATTERS;
}
var rule26 = {
  id: "wrapper-no-errexit",
  severity: "warning",
  title: "Wrapper without set -e",
  description: "Without `set -e` a failing set-up step (migration, chown, config render) is ignored and the app starts anyway in a half-configured container.",
  check(model) {
    const hits = [];
    for (const script of shellScripts(model, ["start"])) {
      const { analysis } = script;
      if (shebangFlags(analysis.shebang).has("e")) continue;
      if (handlesFailures(script)) continue;
      const flow = flowOf(script);
      appStarts.set(script, new Set(flow.finals.map((s) => s.cmd)));
      let firstStep;
      let mattering;
      let errexitAt;
      const memo = /* @__PURE__ */ new Map();
      const steps = [];
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== "simple" || ctx.inFunction || ctx.inSubstitution) return;
        if (!ctx.inCondition && errexitOn(cmd) && (errexitAt === void 0 || cmd.start < errexitAt)) errexitAt = cmd.start;
        if (ctx.inCondition || ctx.detached) return;
        const kind = stepKind(script, cmd, memo);
        if (kind !== NONE) steps.push({ cmd, kind });
      });
      for (const { cmd, kind } of steps.sort((a, b) => a.cmd.start - b.cmd.start)) {
        if (errexitAt !== void 0 && errexitAt < cmd.start) break;
        firstStep ??= cmd;
        if (kind === MATTERS) {
          mattering = cmd;
          break;
        }
      }
      if (!firstStep || !mattering) continue;
      const text = code(commandText(analysis.text, firstStep));
      const also = mattering === firstStep ? "" : ` (and ${code(commandText(analysis.text, mattering))} on line ${analysis.lineOf(mattering.start) + script.wrapper.lineOffset})`;
      const message = errexitAt === void 0 ? `${text}${also} runs without \`set -e\`, so if it fails the script carries on and starts the app anyway.` : `${text}${also} runs before \`set -e\` (line ${analysis.lineOf(errexitAt) + script.wrapper.lineOffset}), so if it fails the script carries on and starts the app anyway.`;
      const fix = errexitAt === void 0 ? "Add `set -e` (or `set -eu`) on the line after the shebang." : "Move `set -e` up to the line after the shebang.";
      hits.push(scriptHit(script, firstStep.start, firstStep.end, message, fix));
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-bashism.ts
var C = {
  doubleBracket: { label: "[[ \u2026 ]]", dash: "fails with `[[: not found`", busybox: "accepts", fix: "Use `[ \u2026 ]` with `=` and quoted operands" },
  functionKeyword: { label: "function name", dash: 'fails with `Syntax error: "}" unexpected`', busybox: "accepts", fix: "Declare it as `name() { \u2026 }`" },
  source: { label: "source", dash: "fails with `source: not found`", busybox: "accepts", fix: "Use `. file` instead of `source file`" },
  doubleEquals: { label: "== in [ ]", dash: "fails with `[: unexpected operator`", busybox: "accepts", fix: "Use `=` inside `[ ]`" },
  hereString: { label: "<<<", dash: "fails with `Syntax error: redirection unexpected`", busybox: "maybe", fix: "Pipe instead: `printf '%s\\n' \"$value\" | cmd`" },
  ansiC: { label: "$'\u2026'", dash: "keeps the `$` and the backslashes literally", busybox: "accepts", fix: "Build the string with `printf`" },
  array: { label: "arrays", dash: 'fails with `Syntax error: "(" unexpected`', busybox: "fails", fix: "Use the positional parameters (`set -- a b c`) or a space-separated string" },
  arrayRef: { label: "array references", dash: "fails with `Bad substitution`", busybox: "fails", fix: "Use the positional parameters (`set -- a b c`) or a space-separated string" },
  ampRedirect: { label: "&>", dash: "runs the command in the background and truncates the file", busybox: "accepts", fix: "Use `> file 2>&1`" },
  procSub: { label: "<( \u2026 )", dash: 'fails with `Syntax error: "(" unexpected`', busybox: "maybe", fix: "Use a pipe or a temporary file" },
  arithCommand: { label: "(( \u2026 ))", dash: "runs it as a command and fails with `not found`", busybox: "fails", fix: "Use `[ \u2026 ]` or an assignment with `$(( \u2026 ))`" },
  pipefail: { label: "set -o pipefail", dash: "fails with `set: Illegal option -o pipefail` and the script stops there", busybox: "accepts", fix: "Drop `pipefail`" }
};
function scanParts(parts, found, word) {
  for (const p of parts) {
    if (p.type === "ansi") found.push({ construct: C.ansiC, start: p.start, end: p.start + p.text.length + 3 });
    else if (p.type === "array") found.push({ construct: C.array, start: word.start, end: word.end });
    else if (p.type === "procsub") found.push({ construct: C.procSub, start: p.start, end: word.end });
    else if (p.type === "dq") scanParts(p.parts, found, word);
    else if (p.type === "param") {
      if (p.subscript !== void 0 && p.name !== "@" && p.name !== "*") found.push({ construct: C.arrayRef, start: p.start, end: p.end });
      scanParts(p.arg, found, word);
    }
  }
}
function scan(script) {
  const found = [];
  const redirs = (list2) => {
    for (const r of list2) {
      if (r.op === "<<<") found.push({ construct: C.hereString, start: r.start, end: r.target?.end ?? r.start + 3 });
      if (r.op === "&>" || r.op === "&>>") found.push({ construct: C.ampRedirect, start: r.start, end: r.target?.end ?? r.start + 2 });
    }
  };
  walkCommands(script.analysis.body, (cmd) => {
    for (const w of commandWords(cmd)) scanParts(w.parts, found, w);
    if (cmd.kind === "function") {
      if (cmd.keyword) found.push({ construct: C.functionKeyword, start: cmd.start, end: cmd.start + 8 });
      return;
    }
    redirs(cmd.redirs);
    if (cmd.kind !== "simple") return;
    const w0 = cmd.words[0];
    if (!w0) return;
    if (w0.raw === "[[") {
      found.push({ construct: C.doubleBracket, start: cmd.start, end: cmd.end });
      return;
    }
    if (w0.parts[0]?.type === "arith" && w0.raw.startsWith("((")) {
      found.push({ construct: C.arithCommand, start: w0.start, end: w0.end });
      return;
    }
    const base = commandBase(w0);
    if (base === "source") found.push({ construct: C.source, start: w0.start, end: w0.end });
    if (base === "[" || base === "test") {
      for (const w of cmd.words.slice(1)) if (staticValue(w) === "==") found.push({ construct: C.doubleEquals, start: w.start, end: w.end });
    }
    if ((base === "declare" || base === "typeset" || base === "local") && cmd.words.slice(1).some((w) => /^-[a-zA-Z]*[aA]/.test(staticValue(w) ?? ""))) {
      found.push({ construct: C.array, start: cmd.start, end: cmd.end });
    }
    if (base === "set" && setFlags(cmd).optionsOn.has("pipefail") && script.dialect.dialect === "dash") {
      found.push({ construct: C.pipefail, start: cmd.start, end: cmd.end });
    }
  });
  return found;
}
function describe(model, script, c) {
  const family2 = model.base.family;
  const declared = code(script.dialect.declared);
  const d = script.dialect.dialect;
  let message;
  if (d === "dash") {
    const shell = script.dialect.shell === "dash" ? "dash" : `dash, this ${family2} image's /bin/sh,`;
    message = `${code(c.label)} is bash-only syntax, and under ${declared} ${shell} ${c.dash}.`;
  } else if (d === "busybox" && c.busybox === "fails") {
    message = `${code(c.label)} is bash-only syntax, and under ${declared} BusyBox ash (this ${family2} image's /bin/sh) rejects it, so the script fails at that line.`;
  } else if (d === "busybox") {
    const ash = c.busybox === "accepts" ? "BusyBox ash on this image accepts it" : "BusyBox ash accepts it only in some builds";
    message = `${code(c.label)} is bash-only syntax under ${declared}: ${ash}, but dash (Debian/Ubuntu's /bin/sh) ${c.dash}, so the script breaks when the base image changes.`;
  } else {
    message = `${code(c.label)} is bash-only syntax under ${declared}, and where /bin/sh is dash (Debian/Ubuntu) it ${c.dash}.`;
  }
  const bash = lacksBash(model.base) ? ` (after installing bash, which ${family2} lacks)` : "";
  const fix = `${c.fix}, or switch the shebang to \`#!/bin/bash\`${bash}.`;
  return { message, fix };
}
var rule27 = {
  id: "wrapper-bashism",
  severity: "warning",
  title: "Bash syntax under #!/bin/sh",
  description: "Bash-only syntax in a script run by a POSIX sh breaks on dash (Debian/Ubuntu /bin/sh) and partly on BusyBox ash (Alpine).",
  check(model) {
    const hits = [];
    for (const script of shellScripts(model)) {
      if (!script.dialect.posix || script.dialect.dialect === "bash") continue;
      const seen = /* @__PURE__ */ new Set();
      for (const f of scan(script).sort((a, b) => a.start - b.start)) {
        const key = `${f.construct.label}\0${script.analysis.lineOf(f.start)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { message, fix } = describe(model, script, f.construct);
        const hit5 = scriptHit(script, f.start, f.end, message, fix);
        if (script.dialect.dialect === "busybox" && f.construct.busybox === "accepts") hit5.severity = "info";
        hits.push(hit5);
      }
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-too-complex.ts
var MAX_CODE_LINES = 150;
var WAIT_TOOLS = /^(wait-for-it(\.sh)?|wait-for(\.sh)?|wait4x|wait-for-postgres(\.sh)?|wait-for-db(\.sh)?|dockerize)$/;
var LOCAL_HOST = /^(localhost|127\.0\.0\.1|::1|0\.0\.0\.0|\[::1\])(:\d+)?$/;
function hostOf(cmd, base) {
  const args = cmd.words.slice(1).map((w) => staticValue(w) ?? w.raw);
  let socket = false;
  let host;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^(-S|--socket)(=|$)/.test(a)) socket = true;
    const h = /^(?:-h|--host|-H)(?:=(.+))?$/.exec(a);
    if (h && base !== "curl" && base !== "wget" && base !== "nc" && base !== "netcat" && base !== "ncat") host = h[1] ?? args[i + 1];
    const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(a);
    if (url) host = url[1];
  }
  if ((base === "nc" || base === "netcat" || base === "ncat") && host === void 0) {
    host = args.filter((a) => !a.startsWith("-"))[0];
  }
  return host === void 0 ? { socket } : { host, socket };
}
function probe(cmd) {
  if (cmd.kind !== "simple") {
    for (const w of commandWords(cmd)) {
      const m = /\/dev\/(?:tcp|udp)\/([^/\s"']+)\//.exec(w.raw);
      if (m && !LOCAL_HOST.test(m[1])) return "/dev/tcp";
    }
    return void 0;
  }
  for (const r of cmd.redirs) {
    const m = r.target ? /\/dev\/(?:tcp|udp)\/([^/\s"']+)\//.exec(r.target.raw) : null;
    if (m && !LOCAL_HOST.test(m[1])) return "/dev/tcp";
  }
  const base = commandBase(cmd.words[0]);
  if (base === void 0) return void 0;
  const args = cmd.words.slice(1).map((w) => staticValue(w) ?? w.raw);
  const { host, socket } = hostOf(cmd, base);
  const remote = host !== void 0 && !LOCAL_HOST.test(host);
  switch (base) {
    case "nc":
    case "netcat":
    case "ncat":
      return args.some((a) => /^-[a-zA-Z]*z/.test(a)) && host !== void 0 && !LOCAL_HOST.test(host) ? `${base} -z` : void 0;
    case "pg_isready":
      return socket || host !== void 0 && !remote ? void 0 : "pg_isready";
    case "mysqladmin":
    case "redis-cli":
      return args.includes("ping") && !socket && remote ? `${base} ping` : void 0;
    case "psql":
    case "mysql":
    case "mongosh":
    case "mongo":
      return remote ? `${base} -h ${host}` : void 0;
    case "curl":
    case "wget":
      return remote ? base : void 0;
  }
  return void 0;
}
function codeLines(text) {
  return text.split("\n").filter((l) => {
    const t = l.trim();
    return t !== "" && !t.startsWith("#");
  }).length;
}
var rule28 = {
  id: "wrapper-too-complex",
  severity: "info",
  title: "Wrapper waits for other services",
  description: "A wrapper that polls other services or runs to hundreds of lines has become an init system; ordering and retries belong to the platform and the app.",
  check(model) {
    const hits = [];
    for (const script of shellScripts(model)) {
      const { analysis } = script;
      const loops = [];
      const reported = /* @__PURE__ */ new Set();
      walkCommands(analysis.body, (cmd) => {
        while (loops.length > 0 && loops[loops.length - 1].end <= cmd.start) loops.pop();
        if (cmd.kind === "while" || cmd.kind === "until" || cmd.kind === "for") {
          loops.push(cmd);
          return;
        }
        if (cmd.kind === "simple") {
          const base = commandBase(cmd.words[0]);
          if (base !== void 0 && WAIT_TOOLS.test(base) && (base !== "dockerize" || cmd.words.some((w) => staticValue(w) === "-wait"))) {
            hits.push(
              scriptHit(
                script,
                cmd.start,
                cmd.end,
                `${code(commandText(analysis.text, cmd))} makes the container wait for another service at start-up, which turns the wrapper into an init system that hides outages behind a hanging start.`,
                "Let the platform order start-up (Compose `depends_on: condition: service_healthy`, Kubernetes readiness probes) and let the app retry its connections."
              )
            );
            return;
          }
        }
        const loop = loops[loops.length - 1];
        if (!loop || reported.has(loop)) return;
        const what = probe(cmd);
        if (!what) return;
        reported.add(loop);
        hits.push(
          scriptHit(
            script,
            loop.start,
            loop.start + loop.kind.length,
            `This ${code(loop.kind)} loop polls another service with ${code(what)} until it answers, which turns the wrapper into an init system that hides outages behind a hanging start.`,
            "Drop the wait loop: let the platform order start-up (Compose `depends_on: condition: service_healthy`, Kubernetes readiness probes) and let the app retry its connections."
          )
        );
      });
      if (script.wrapper.role === "start") {
        const n = codeLines(analysis.text);
        if (n > MAX_CODE_LINES) {
          const first = analysis.body[0];
          const start = first?.start ?? 0;
          hits.push(
            scriptHit(
              script,
              start,
              start,
              `The wrapper has ${n} lines of code, more than about ${MAX_CODE_LINES}, so start-up logic that decides whether the container works lives in an untested shell script.`,
              'Move set-up into the image build, the app itself or an init container, and keep the wrapper to a few lines ending in `exec "$@"`.'
            )
          );
        }
      }
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-su-sudo.ts
var SU_COMMAND_FLAG = /^(-c|--command(=.*)?|-[a-zA-Z]*c)$/;
function privilegeTool(words) {
  const base = commandBase(words[0]);
  if (base === "sudo") return "sudo";
  if (base === "su") return "su";
  return void 0;
}
function suCommandWord(words) {
  for (let i = 1; i < words.length; i++) {
    const v = staticValue(words[i]) ?? "";
    if (v === "--") return void 0;
    if (/^--command=/.test(v)) return words[i];
    if (SU_COMMAND_FLAG.test(v)) return words[i + 1];
  }
  return void 0;
}
function singleSimpleCommand(word) {
  const raw = word.raw.replace(/^(["'])([\s\S]*)\1$/, "$2").trim();
  if (raw === "") return false;
  if (/\$\{?[@*]/.test(raw)) return false;
  return !/[;&|<>()`\n]|\$\(/.test(raw) && !/^(if|for|while|until|case)\b|^\{/.test(raw);
}
function busyboxSu(model) {
  const family2 = model.base.family;
  if (family2 !== "alpine" && family2 !== "busybox") return false;
  for (const stage of model.chain) {
    for (const instr of stage.instructions) {
      if (instr.keyword === "RUN" && /\bapk\b[\s\S]*\badd\b[\s\S]*\s(shadow|shadow-login|util-linux|util-linux-login)(?=\s|$|;|&|\\)/.test(instr.text)) return false;
    }
  }
  return true;
}
function replacement(family2) {
  if (family2 === "alpine" || family2 === "busybox" || family2 === "wolfi") return '`exec su-exec app "$@"`';
  if (family2 === "debian" || family2 === "ubuntu") return '`exec gosu app "$@"` or `exec setpriv --reuid=app --regid=app --init-groups "$@"`';
  return '`exec gosu app "$@"`, `exec su-exec app "$@"` or `exec setpriv --reuid=app --regid=app --init-groups "$@"`';
}
var rule29 = {
  id: "wrapper-su-sudo",
  severity: "warning",
  title: "Wrapper drops privileges with su or sudo",
  description: "su and sudo run the app as their child and stay as its parent, so PID 1 is never the app; gosu, su-exec and setpriv exec it instead.",
  check(model) {
    const hits = [];
    const family2 = model.base.family;
    const busybox = busyboxSu(model);
    const groupInit = initProcess(model)?.mode === "group";
    for (const script of shellScripts(model, ["start"])) {
      const { analysis } = script;
      const found = [];
      walkCommands(analysis.body, (cmd, ctx) => {
        if (cmd.kind !== "simple" || ctx.inSubstitution) return;
        const target = execTarget(cmd);
        if (target && privilegeTool(target)) found.push({ cmd, where: script });
      });
      const flow = flowOf(script);
      if (flow.complete) {
        for (const sig of flow.finals) if (sig.cmd.kind === "simple" && privilegeTool(sig.cmd.words)) found.push({ cmd: sig.cmd, where: sourceOf(script, sig.fn) });
      }
      const seen = /* @__PURE__ */ new Set();
      for (const { cmd, where } of found.sort((a, b) => a.cmd.start - b.cmd.start)) {
        if (seen.has(cmd)) continue;
        seen.add(cmd);
        const words = execTarget(cmd) ?? cmd.words;
        const tool = privilegeTool(words);
        let consequence;
        let severity;
        if (tool === "sudo") {
          consequence = "sudo forks the command and stays PID 1 as its parent, so the app is never PID 1 and depends on sudo relaying signals to it";
          if (groupInit) {
            severity = "info";
            consequence += " (here the init signals the whole process group, so the app receives SIGTERM anyway)";
          }
        } else if (busybox) {
          const command = suCommandWord(words);
          if (!command || singleSimpleCommand(command)) continue;
          consequence = "BusyBox su hands the command to the user's shell as one `-c` string, and a shell stays PID 1 (ignoring SIGTERM) because the string is more than one simple command";
        } else {
          consequence = suCommandWord(words) ? "su forks the command and stays PID 1 as its parent, and on SIGTERM it ends the session and SIGKILLs the app two seconds later" : "su runs the user's shell as its child and stays PID 1 as its parent, and on SIGTERM it ends the session and SIGKILLs the app two seconds later";
        }
        const hit5 = scriptHit(where, cmd.start, cmd.end, `${code(commandText(where.analysis.text, cmd))}: ${consequence}.`, `Drop privileges with a tool that execs, such as ${replacement(family2)}.`);
        if (severity) hit5.severity = severity;
        hits.push(hit5);
      }
    }
    return hits;
  }
};

// src/rules/wrapper/wrapper-unset-arg.ts
var SAFE_OPS = /* @__PURE__ */ new Set(["-", ":-", "+", ":+", "=", ":=", "?", ":?"]);
function paramText(p) {
  if (!p.braced) return `$${p.name}`;
  return `\${${p.length ? "#" : ""}${p.name}${p.op}${p.op ? "\u2026" : ""}}`;
}
function argumentsGiven(model, wrapper) {
  const link = model.startChain.links.find((l) => l.kind === "script" && l.wrapper === wrapper);
  return link?.index === void 0 ? void 0 : model.start.argv.length - link.index - 1;
}
function positionalIn(word) {
  if (!word) return void 0;
  return paramUses(word).find((u) => /^[1-9][0-9]*$/.test(u.param.name))?.param;
}
function emptinessTest(cmd) {
  if (cmd.kind === "case") {
    return cmd.items.some((i) => i.patterns.some((p) => staticValue(p) === "")) ? positionalIn(cmd.word) : void 0;
  }
  if (cmd.kind !== "simple") return void 0;
  const base = commandBase(cmd.words[0]);
  if (base !== "[" && base !== "[[" && base !== "test") return void 0;
  const w = cmd.words;
  for (let i = 1; i < w.length; i++) {
    const v = staticValue(w[i]);
    if ((v === "-z" || v === "-n") && positionalIn(w[i + 1])) return positionalIn(w[i + 1]);
    if ((v === "=" || v === "==" || v === "!=") && staticValue(w[i + 1]) === "" && positionalIn(w[i - 1])) return positionalIn(w[i - 1]);
  }
  return void 0;
}
var rule30 = {
  id: "wrapper-unset-arg",
  severity: "warning",
  title: "Positional argument under set -u",
  description: 'With `set -u`, `$1` aborts the script with "parameter not set" when the container starts without arguments.',
  check(model) {
    const hits = [];
    for (const script of shellScripts(model, ["start"])) {
      const { analysis } = script;
      const fromShebang = shebangFlags(analysis.shebang).has("u");
      const toggles = [];
      let checksCount = false;
      let setPositional;
      const uses = [];
      let zeroArgBranch;
      walkCommands(analysis.body, (cmd, ctx) => {
        for (const w of commandWords(cmd)) {
          for (const { param } of paramUses(w)) {
            if (param.name === "#" && !param.length) checksCount = true;
            if (ctx.inFunction || !/^[1-9][0-9]*$/.test(param.name)) continue;
            if (!SAFE_OPS.has(param.op)) uses.push(param);
            else if (param.op !== "?" && param.op !== ":?") zeroArgBranch ??= param;
          }
        }
        if (!ctx.inFunction) zeroArgBranch ??= emptinessTest(cmd);
        if (cmd.kind !== "simple" || ctx.inFunction || ctx.inSubstitution) return;
        const base = commandBase(cmd.words[0]);
        if (base === "set") {
          const f = setFlags(cmd);
          if (f.on.has("u") || f.optionsOn.has("nounset")) toggles.push({ at: cmd.start, on: true });
          if (f.off.has("u") || f.optionsOff.has("nounset")) toggles.push({ at: cmd.start, on: false });
        }
      });
      if (checksCount) continue;
      const given = argumentsGiven(model, script.wrapper);
      const noArgs = given !== void 0 ? given === 0 : !model.start.cmd;
      if (!noArgs && !zeroArgBranch) continue;
      for (const stmt of analysis.body) {
        const cmd = stmt.andOr.rest.length === 0 && stmt.andOr.first.commands.length === 1 ? stmt.andOr.first.commands[0] : void 0;
        if (cmd?.kind !== "simple" || commandBase(cmd.words[0]) !== "set") continue;
        const dd = cmd.words.findIndex((w) => staticValue(w) === "--");
        const count2 = dd > 0 ? cmd.words.slice(dd + 1).filter((w) => !/^"?\$\{?[@*]\}?"?$/.test(w.raw)).length : 0;
        if (count2 > 0) {
          setPositional = { at: cmd.end, count: count2 };
          break;
        }
      }
      toggles.sort((a, b) => a.at - b.at);
      uses.sort((a, b) => a.start - b.start);
      let on = fromShebang;
      let t = 0;
      let first;
      for (const p of uses) {
        while (t < toggles.length && toggles[t].at < p.start) on = toggles[t++].on;
        if (!on) continue;
        if (setPositional && p.start > setPositional.at && Number(p.name) <= setPositional.count) continue;
        first = p;
        break;
      }
      if (!first) continue;
      const text = paramText(first);
      const error = script.dialect.dialect === "bash" ? `$${first.name}: unbound variable` : `${first.name}: parameter not set`;
      hits.push(
        scriptHit(
          script,
          first.start,
          first.end,
          first === zeroArgBranch ? `${code(text)} is read under \`set -u\` to test whether an argument was given, so when none is (\`docker run --entrypoint\`, a Kubernetes \`command:\` without \`args:\`${noArgs ? ", or this image started as it is" : ""}) the script aborts with "${error}" before the test can say so.` : noArgs ? `${code(text)} is read under \`set -u\` and ${model.start.cmd ? "the start command passes the script no arguments" : "the image has no CMD"}, so \`docker run <image>\` aborts with "${error}".` : `${code(text)} is read under \`set -u\`, while line ${analysis.lineOf(zeroArgBranch.start) + script.wrapper.lineOffset} expects the script to start without arguments (${code(paramText(zeroArgBranch))}): started that way (\`docker run --entrypoint\`, a Kubernetes \`command:\` without \`args:\`) it aborts with "${error}".`,
          `Read it as ${code(`\${${first.name}:-}`)} (or check \`[ $# -gt 0 ]\` first).`
        )
      );
    }
    return hits;
  }
};

// src/rules/wrapper/index.ts
var wrapperRules = [
  rule22,
  rule20,
  rule21,
  rule23,
  rule24,
  rule25,
  rule26,
  rule27,
  rule28,
  rule29,
  rule30
];

// src/rules/registry.ts
var staticRules = [...startRules, ...imageRules, ...wrapperRules];
var allRules = [...staticRules, ...runtimeRules];
function ruleMeta(id) {
  return allRules.find((r) => r.id === id);
}

// src/config/project-config.ts
var CONFIG_FILE_NAME = ".entrypoint-guard.yml";
var MAX_BYTES4 = 1024 * 1024;
var ConfigValueError = class extends Error {
};
var ConfigFileError = class extends InputError {
};
function fail(reason) {
  throw new ConfigValueError(reason);
}
function scalar(v) {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return fail(`must be a single value, not ${describe2(v)}`);
}
function list(v) {
  if (Array.isArray(v)) return v.map(scalar).join(",");
  return scalar(v);
}
function specs(v, name, needsEquals = true) {
  return (Array.isArray(v) ? v.map(scalar) : [scalar(v)]).map((s) => parseBuildxSpec(s, name, needsEquals));
}
function keyValues(v, name) {
  const out = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      const [k, val] = parseKeyValue(scalar(item), name);
      out[k] = val;
    }
    return out;
  }
  if (!isMap(v)) return fail(`must be a mapping of KEY: VALUE (or a list of KEY=VALUE), not ${describe2(v)}`);
  for (const [k, val] of Object.entries(v)) {
    const [key, value] = parseKeyValue(`${k}=${val === null ? "" : scalar(val)}`, name);
    out[key] = value;
  }
  return out;
}
function boolean(v) {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  return fail(`must be true or false (got ${JSON.stringify(v)})`);
}
function isMap(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function describe2(v) {
  if (v === null) return "an empty value";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
}
var OPTION_KEYS = {
  static: (v, d) => d.static = boolean(v),
  platforms: (v, d) => d.platforms = parsePlatforms(list(v)),
  target: (v, d) => d.target = scalar(v),
  "build-args": (v, d) => d.buildArgs = keyValues(v, "build-args"),
  "grace-period": (v, d) => d.gracePeriod = parseSeconds(scalar(v), "grace-period"),
  "startup-wait": (v, d) => d.startupWait = parseSeconds(scalar(v), "startup-wait"),
  "ready-log": (v, d) => d.readyLog = parseRegex(scalar(v), "ready-log"),
  "probe-env": (v, d) => d.probeEnv = keyValues(v, "probe-env"),
  "probe-network": (v, d) => d.probeNetwork = parseNetwork(scalar(v)),
  "fail-on": (v, d) => d.failOn = parseFailOn(scalar(v)),
  "filter-mode": (v, d) => d.filterMode = parseFilterMode(scalar(v)),
  format: (v, d) => d.format = parseFormat(scalar(v)),
  image: (v, d) => d.image = parseImageRef(scalar(v), "image"),
  builder: (v, d) => d.builder = parseBuilderName(scalar(v), "builder"),
  "cache-from": (v, d) => d.cacheFrom = specs(v, "cache-from"),
  "cache-to": (v, d) => d.cacheTo = specs(v, "cache-to"),
  secrets: (v, d) => d.secrets = specs(v, "secrets"),
  "build-contexts": (v, d) => d.buildContexts = specs(v, "build-contexts"),
  ssh: (v, d) => d.ssh = specs(v, "ssh", false),
  progress: (v, d) => d.progress = parseProgress(scalar(v)),
  annotations: (v, d) => d.annotations = boolean(v),
  "check-run": (v, d) => d.checkRun = boolean(v),
  review: (v, d) => d.review = boolean(v)
};
var TOP_KEYS = ["ignore", "rules", "paths", ...Object.keys(OPTION_KEYS)];
var PATH_KEYS = ["fail-on", "rules"];
var RULE_SETTINGS = ["error", "warning", "info", "off"];
function checkRuleId(id) {
  if (allRules.some((r) => r.id === id) || /^shellcheck(\/SC\d{4})?$/.test(id)) return id;
  return fail(`names no rule: ${JSON.stringify(id)} is not a rule id (see the README's rule table)`);
}
function ruleSettings(v, at, run) {
  const out = /* @__PURE__ */ new Map();
  if (v === null) return out;
  if (!isMap(v)) return fail(`must be a mapping of rule id: ${RULE_SETTINGS.join(" | ")}, not ${describe2(v)}`);
  for (const [id, setting] of Object.entries(v)) {
    run([...at, id], () => {
      checkRuleId(id);
      const s = RULE_SETTINGS.find((r) => r === scalar(setting).trim().toLowerCase());
      if (!s) fail(`must be one of ${RULE_SETTINGS.join(", ")} (got ${JSON.stringify(setting)})`);
      out.set(id, s);
    });
  }
  return out;
}
function keyPath(at) {
  return at.map((k) => /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k)).join(".");
}
function projectConfigFrom(doc, file) {
  const config = { file, ignore: /* @__PURE__ */ new Set(), rules: /* @__PURE__ */ new Map(), paths: [], defaults: {} };
  const run = (at, body) => {
    try {
      body();
    } catch (err) {
      if (err instanceof ConfigFileError || !(err instanceof ConfigValueError || err instanceof InputError)) throw err;
      const where = keyPath(at);
      const leaf = at[at.length - 1] ?? "";
      const reason = err instanceof ConfigValueError ? ` ${err.message}` : err.message.startsWith(`${leaf} `) ? err.message.slice(leaf.length) : `: ${err.message}`;
      throw new ConfigFileError(`${file}: ${where}${reason}`);
    }
  };
  if (doc === null || doc === void 0) return config;
  if (!isMap(doc)) throw new InputError(`${file}: the file must be a mapping of keys (ignore, rules, paths, fail-on, \u2026), not ${describe2(doc)}`);
  for (const [key, value] of Object.entries(doc)) {
    if (!TOP_KEYS.includes(key)) throw new InputError(`${file}: unknown key ${JSON.stringify(key)} (known keys: ${TOP_KEYS.join(", ")})`);
    if (key === "ignore") {
      run([key], () => {
        for (const id of parseIgnore(value === null ? "" : list(value))) config.ignore.add(checkRuleId(id));
      });
    } else if (key === "rules") {
      run([key], () => config.rules = ruleSettings(value, [key], run));
    } else if (key === "paths") {
      run([key], () => {
        if (value === null) return;
        if (!isMap(value)) fail(`must be a mapping of glob: {fail-on, rules}, not ${describe2(value)}`);
        for (const [pattern, override] of Object.entries(value)) config.paths.push(pathOverride(pattern, override, [key, pattern], run, file));
      });
    } else {
      run([key], () => OPTION_KEYS[key](value, config.defaults));
    }
  }
  return config;
}
function pathOverride(pattern, v, at, run, file) {
  const entry = { pattern, match: /$^/, rules: /* @__PURE__ */ new Map() };
  run(at, () => {
    const glob = pattern.trim().replace(/^\.\//, "");
    if (glob === "" || glob.startsWith("/") || glob.split("/").includes("..")) fail("must be a glob relative to the repository root");
    entry.match = globToRegExp(glob);
    if (!isMap(v)) fail(`must be a mapping with fail-on and/or rules, not ${describe2(v)}`);
  });
  for (const [key, value] of Object.entries(v)) {
    if (!PATH_KEYS.includes(key)) throw new ConfigFileError(`${file}: unknown key ${JSON.stringify(key)} under ${keyPath(at)} (known keys: ${PATH_KEYS.join(", ")})`);
    if (key === "fail-on") run([...at, key], () => entry.failOn = parseFailOn(scalar(value)));
    else run([...at, key], () => entry.rules = ruleSettings(value, [...at, key], run));
  }
  return entry;
}
function parseProjectConfig(text, file) {
  const doc = (0, import_yaml2.parseDocument)(text, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "";
    const what = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
    throw new InputError(`${file} is not valid YAML${at}: ${what}`);
  }
  return projectConfigFrom(doc.toJS({ maxAliasCount: 100 }), file);
}
function loadProjectConfig(absPath, display) {
  const text = readUserText(absPath, display, "config file", { maxBytes: MAX_BYTES4, allowEmpty: true });
  return parseProjectConfig(text, display);
}
function findProjectConfig(where) {
  const display = (abs2) => {
    const rel = path14.relative(where.base, abs2).split(path14.sep).join("/");
    return rel === "" || path14.isAbsolute(rel) ? abs2 : rel;
  };
  if (where.explicit) {
    const abs2 = path14.resolve(where.base, where.explicit);
    return loadProjectConfig(abs2, display(abs2));
  }
  const abs = path14.join(where.root, CONFIG_FILE_NAME);
  if (!fs9.existsSync(abs)) return void 0;
  return loadProjectConfig(abs, display(abs));
}

// src/findings.ts
var SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
function compareFindings(a, b) {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
function byLocation(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
var failOnByFinding = /* @__PURE__ */ new WeakMap();
function setFailOnFor(finding, failOn) {
  failOnByFinding.set(finding, failOn);
}
function failsGate(f, failOn) {
  const at = failOnByFinding.get(f) ?? failOn;
  return at !== "never" && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[at];
}
function failsAt(findings, failOn) {
  return findings.some((f) => failsGate(f, failOn));
}

// src/policy/apply-policy.ts
import path15 from "node:path";

// src/policy/diff-filter.ts
function anyLineIn(f, lines) {
  for (let l = f.line; l <= Math.max(f.endLine, f.line); l++) if (lines.has(l)) return true;
  return false;
}
function linesMatch(f, change, mode) {
  if (change.wholeFile) return true;
  return anyLineIn(f, mode === "added" ? change.added : change.inHunks);
}
function inChange(f, file, filter, scope) {
  const { changes, mode } = filter;
  if (f.platforms && f.platforms.length > 0) {
    return changes.has(file) || changes.has(scope.dockerfile) || scope.wrappers.some((w) => changes.has(w));
  }
  if (mode === "file") return changes.has(file) || scope.wrappers.includes(file) && changes.has(scope.dockerfile);
  const change = changes.get(file);
  return change !== void 0 && linesMatch(f, change, mode);
}

// src/policy/apply-policy.ts
function ruleKeys(rule31) {
  return rule31.startsWith("shellcheck/") ? [rule31, "shellcheck"] : [rule31];
}
function settingIn(rules, rule31) {
  for (const key of ruleKeys(rule31)) {
    const s = rules.get(key);
    if (s !== void 0) return s;
  }
  return void 0;
}
function ruleSetting(config, rule31, file) {
  for (let i = config.paths.length - 1; i >= 0; i--) {
    const p = config.paths[i];
    if (!p.match.test(file)) continue;
    const s = settingIn(p.rules, rule31);
    if (s !== void 0) return s;
  }
  return settingIn(config.rules, rule31);
}
function pathFailOn(config, file) {
  for (let i = config.paths.length - 1; i >= 0; i--) {
    const p = config.paths[i];
    if (p.failOn !== void 0 && p.match.test(file)) return p.failOn;
  }
  return void 0;
}
function applyPolicy(report, model, input) {
  const toRepo = (file) => path15.relative(input.root, path15.resolve(input.cwd, file)).split(path15.sep).join("/");
  const scope = { dockerfile: toRepo(model.file), wrappers: [...new Set(model.wrappers.map((w) => toRepo(w.file)))] };
  const { config, filter } = input;
  const dropped = { byConfig: 0, byFilter: 0 };
  if (filter) dropped.filterMode = filter.mode;
  if (config) dropped.configFile = config.file;
  const kept = [];
  for (const original of report.findings) {
    const file = toRepo(original.file);
    let f = original;
    if (config) {
      const setting = ruleSetting(config, f.rule, file);
      if (ruleKeys(f.rule).some((k) => config.ignore.has(k)) || setting === "off") {
        dropped.byConfig++;
        continue;
      }
      if (setting !== void 0 && setting !== f.severity) f = { ...f, severity: setting };
    }
    if (filter && !inChange(f, file, filter, scope)) {
      dropped.byFilter++;
      continue;
    }
    const failOn = config ? pathFailOn(config, file) : void 0;
    if (failOn !== void 0) setFailOnFor(f, failOn);
    kept.push(f);
  }
  return { ...report, findings: kept, dropped };
}
function applyPathFailOn(reports, config, root, cwd) {
  if (!config) return;
  const toRepo = (file) => path15.relative(root, path15.resolve(cwd, file)).split(path15.sep).join("/");
  for (const r of reports) {
    for (const f of r.findings) {
      const failOn = pathFailOn(config, toRepo(f.file));
      if (failOn !== void 0) setFailOnFor(f, failOn);
    }
  }
}

// src/report/atomic.ts
import { randomBytes } from "node:crypto";
import fs10 from "node:fs";
import path16 from "node:path";
function writeFileAtomic(target, body) {
  fs10.mkdirSync(path16.dirname(target), { recursive: true });
  const tmp = path16.join(path16.dirname(target), `.${path16.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    fs10.writeFileSync(tmp, body, { flag: "wx" });
    fs10.renameSync(tmp, target);
  } catch (err) {
    fs10.rmSync(tmp, { force: true });
    throw err;
  }
}

// package.json
var package_default = { version: "0.1.0" };

// src/version.ts
var VERSION = package_default.version;

// src/report/json.ts
var TOOL = { name: "entrypoint-guard", version: VERSION };
function toJsonReport(report) {
  return {
    version: report.version,
    tool: TOOL,
    dockerfile: report.dockerfile,
    ...report.image ? { image: report.image } : {},
    ...report.plan ? { plan: report.plan } : {},
    findings: report.findings,
    platforms: report.platforms
  };
}
function formatJson(reports) {
  const body = reports.length === 1 ? toJsonReport(reports[0]) : reports.map(toJsonReport);
  return `${JSON.stringify(body, null, 2)}
`;
}

// src/report/sarif.ts
import { createHash as createHash2 } from "node:crypto";
import fs11 from "node:fs";
import path17 from "node:path";

// src/rules/types.ts
var DOCS_BASE = "https://github.com/entrypoint-guard/entrypoint-guard/blob/main/docs/rules/";
function docsUrl(id) {
  const sc = /^shellcheck\/(SC\d+)$/.exec(id);
  if (sc) return `https://www.shellcheck.net/wiki/${sc[1]}`;
  return `${DOCS_BASE}${id}.md`;
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/entrypoint-guard/entrypoint-guard";
var FINGERPRINT_KEY = "entrypointGuardLineHash/v1";
var LEVEL = { error: "error", warning: "warning", info: "note" };
function ruleName(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
function metaFor(id, seen) {
  const meta = ruleMeta(id);
  if (meta) return meta;
  const sc = /^shellcheck\/(SC\d+)$/.exec(id);
  if (sc) {
    return { id, severity: seen.severity, title: `ShellCheck ${sc[1]}`, description: `ShellCheck ${sc[1]} on a wrapper script the image starts; see the ShellCheck wiki.` };
  }
  return { id, severity: seen.severity, title: id, description: id };
}
function ruleDescriptor(meta) {
  const url = docsUrl(meta.id);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: `${meta.description} Documentation: ${url}`, markdown: `${meta.description}

[Rule documentation](${url})` },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ["docker", "containers", meta.id.startsWith("shellcheck/") ? "shellcheck" : "entrypoint-guard"] }
  };
}
function artifactUri(file) {
  const encode = (seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return file.split("/").map((seg) => seg === ".." || seg === "." ? seg : encode(seg)).join("/");
}
function region(f) {
  const endLine = Math.max(f.endLine, f.line);
  const r = { startLine: f.line, startColumn: Math.max(f.column, 1), endLine };
  if (f.endColumn !== void 0 && (endLine > f.line || f.endColumn > r.startColumn)) r.endColumn = f.endColumn;
  return r;
}
function lineReader(root) {
  const cache = /* @__PURE__ */ new Map();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === void 0) {
      try {
        lines = fs11.readFileSync(path17.resolve(root, file), "utf8").split("\n");
      } catch {
        lines = null;
      }
      cache.set(file, lines);
    }
    const text = lines?.[line - 1];
    return text === void 0 ? void 0 : text.replace(/\s+/g, " ").trim();
  };
}
function sha(text) {
  return createHash2("sha256").update(text).digest("hex").slice(0, 32);
}
function toSarif(reports, options = {}) {
  const readLine = lineReader(options.sourceRoot ?? process.cwd());
  const runs = reports.map((report) => {
    const rules = [];
    const index = /* @__PURE__ */ new Map();
    const occurrences = /* @__PURE__ */ new Map();
    const results = report.findings.map((f) => {
      let ruleIndex = index.get(f.rule);
      if (ruleIndex === void 0) {
        ruleIndex = rules.push(ruleDescriptor(metaFor(f.rule, f))) - 1;
        index.set(f.rule, ruleIndex);
      }
      const anchor = readLine(f.file, f.line) ?? f.message;
      const key = sha(`${f.rule}\0${f.file}\0${anchor}`);
      const n = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, n);
      const platforms = f.platforms && f.platforms.length > 0 ? ` (platforms: ${f.platforms.join(", ")})` : "";
      const result = {
        ruleId: f.rule,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: `${f.message}${platforms} Fix: ${f.fix}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file), uriBaseId: "%SRCROOT%" }, region: region(f) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${key}:${n}` }
      };
      if (f.platforms && f.platforms.length > 0) result.properties = { platforms: [...f.platforms] };
      return result;
    });
    return {
      tool: { driver: { name: "entrypoint-guard", informationUri: INFORMATION_URI, version: VERSION, semanticVersion: VERSION, rules } },
      automationDetails: { id: `entrypoint-guard/${report.dockerfile}/` },
      columnKind: "utf16CodeUnits",
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: (report.notes ?? []).map((text) => ({ level: "note", message: { text } }))
        }
      ],
      results
    };
  });
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs };
}

// src/policy/dropped-line.ts
function count(n) {
  return `${n} finding${n === 1 ? "" : "s"}`;
}
function droppedLine(reports) {
  let byFilter = 0;
  let byConfig = 0;
  const modes = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set();
  for (const r of reports) {
    byFilter += r.dropped?.byFilter ?? 0;
    byConfig += r.dropped?.byConfig ?? 0;
    if (r.dropped?.filterMode) modes.add(r.dropped.filterMode);
    if (r.dropped?.configFile) files.add(r.dropped.configFile);
  }
  if (byFilter + byConfig === 0) return void 0;
  const why2 = [];
  if (byFilter > 0) why2.push(`${byFilter} outside the diff (filter-mode: ${[...modes].join(", ")})`);
  if (byConfig > 0) why2.push(`${byConfig} ignored or turned off by ${[...files].join(", ")}`);
  return `${count(byFilter + byConfig)} not reported or counted: ${why2.join(", ")}.`;
}

// src/report/text.ts
var COLORS = {
  error: "\x1B[31m",
  warning: "\x1B[33m",
  info: "\x1B[36m",
  dim: "\x1B[2m",
  bold: "\x1B[1m",
  ok: "\x1B[32m"
};
function paint(style, what, text) {
  return style.color ? `${COLORS[what]}${text}\x1B[0m` : text;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function formatFinding(f, style) {
  const where = `${f.line}:${f.column}`.padEnd(7);
  const sev = paint(style, f.severity, f.severity.padEnd(7));
  const platforms = f.platforms && f.platforms.length > 0 ? ` [${f.platforms.join(", ")}]` : "";
  return [
    `  ${where} ${sev} ${paint(style, "bold", f.rule)}${platforms}`,
    `          ${f.message}`,
    `          ${paint(style, "dim", `fix: ${f.fix}`)}`
  ];
}
function platformLabel(p) {
  return p.emulated ? `${p.platform} (emulated, QEMU)` : p.platform;
}
function formatPlatform(p, width = 13) {
  const parts = [platformLabel(p).padEnd(width)];
  if (p.skipped) return `${parts[0]} skipped: ${p.skipped}`;
  if (p.build) parts.push(p.build.ok ? `build ok ${p.build.seconds.toFixed(1)}s` : `build FAILED after ${p.build.seconds.toFixed(1)}s`);
  if (p.image) parts.push(`image ${p.image.ref} (${p.image.digest.slice(0, 19)})`);
  if (p.pid1) parts.push(`PID 1: ${p.pid1}`);
  const ready2 = readinessText(p.ready);
  if (ready2) parts.push(ready2);
  if (p.oneShot) parts.push(`one-shot job: exited ${p.oneShot.exitCode} after ${p.oneShot.seconds.toFixed(1)}s`);
  if (p.shutdown) {
    const s = p.shutdown;
    parts.push(s.killed ? `${s.signal} ignored: SIGKILLed after ${s.seconds.toFixed(2)}s` : `${s.signal} -> exit ${s.exitCode} in ${s.seconds.toFixed(2)}s`);
    const evidence = signalsText(p.signals, s.signal);
    if (evidence) parts.push(evidence);
  }
  return parts.join("  ");
}
function signalsText(signals, sig) {
  if (!signals) return void 0;
  const of = (d) => d.caught.includes(sig) ? "handles" : d.ignored.includes(sig) ? "ignores" : "has no handler for";
  const app = signals.app ? `; ${signals.app.process} ${of(signals.app)} it` : "";
  return `kernel: PID 1 ${of(signals.pid1)} ${sig}${app}`;
}
function readinessText(ready2) {
  if (!ready2 || ready2.by === "exited") return void 0;
  if (ready2.by === "timeout" || ready2.by === "fixed") return ready2.detail;
  return `ready after ${ready2.seconds.toFixed(1)} s: ${ready2.detail}`;
}
function verdictLine(findings, failOn, style = { color: false }) {
  const c = countBySeverity(findings);
  const counts = `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${c.info} info`;
  if (failOn === "never") return paint(style, c.error > 0 ? "error" : c.warning > 0 ? "warning" : "ok", `${counts} (not gated: --fail-on never)`);
  if (failsAt(findings, failOn)) return paint(style, "error", `\u2716 FAIL: ${counts} (failing at --fail-on ${failOn})`);
  return paint(style, "ok", `\u2714 PASS: ${counts} (nothing at or above ${failOn})`);
}
function formatText(reports, failOn, color = false) {
  const style = { color };
  const out = [];
  const all = [];
  for (const report of reports) {
    all.push(...report.findings);
    const byFile = /* @__PURE__ */ new Map();
    for (const f of [...report.findings].sort(byLocation)) {
      const list2 = byFile.get(f.file) ?? [];
      list2.push(f);
      byFile.set(f.file, list2);
    }
    if (byFile.size === 0) out.push(`${paint(style, "bold", report.dockerfile)}: no findings`);
    for (const [file, list2] of byFile) {
      out.push(paint(style, "bold", file));
      for (const f of list2) out.push(...formatFinding(f, style));
      out.push("");
    }
    if (report.platforms.length > 0) {
      out.push(paint(style, "bold", "Platforms"));
      const width = Math.max(13, ...report.platforms.map((p) => platformLabel(p).length));
      for (const p of report.platforms) out.push(`  ${formatPlatform(p, width)}`);
      out.push("");
    }
    for (const note of report.notes ?? []) out.push(paint(style, "dim", `note: ${note}`));
  }
  const dropped = droppedLine(reports);
  if (dropped) out.push(paint(style, "dim", `note: ${dropped}`));
  out.push(verdictLine(all, failOn, style));
  return `${out.join("\n")}
`;
}

// src/matrix/merge.ts
import path18 from "node:path";
var MAX_BYTES5 = 256 * 1024 * 1024;
function readShardFile(file, display = file) {
  const text = readUserText(file, display, "shard report", { maxBytes: MAX_BYTES5 });
  let parsed2;
  try {
    parsed2 = JSON.parse(text);
  } catch {
    throw new InputError(`shard report ${display} is not JSON (a cut-off upload or the wrong file?)`);
  }
  const items = Array.isArray(parsed2) ? parsed2 : [parsed2];
  return items.map((item) => toReport(item, display));
}
function toReport(json, display) {
  if (!json || typeof json !== "object" || json.version !== 1 || typeof json.dockerfile !== "string" || !Array.isArray(json.findings) || !Array.isArray(json.platforms)) {
    throw new InputError(`shard report ${display} is not an entrypoint-guard JSON report (--format json)`);
  }
  const version = json.tool && json.tool.name === "entrypoint-guard" ? json.tool.version : void 0;
  if (version !== VERSION) {
    throw new InputError(
      `shard report ${display} was written by ${typeof version === "string" ? `entrypoint-guard ${version}` : "an entrypoint-guard without a version stamp"}, this is ${VERSION}: run the plan, every shard and the merge with the same version`
    );
  }
  const report = { version: 1, dockerfile: json.dockerfile, findings: json.findings, platforms: json.platforms };
  const strings = (v) => Array.isArray(v) && v.every((p) => typeof p === "string");
  const planned = json.plan?.platforms;
  const ran = json.plan?.ran;
  if (strings(planned)) report.plan = { platforms: planned, ...strings(ran) ? { ran } : {} };
  return report;
}
function joinPlatforms(platforms) {
  if (platforms.length <= 1) return platforms[0] ?? "";
  return `${platforms.slice(0, -1).join(", ")} and ${platforms.at(-1)}`;
}
function renamePlatforms(text, from, to) {
  const said = joinPlatforms(from);
  return said === "" || from.length === to.length ? text : text.replaceAll(said, joinPlatforms(to));
}
var EMULATED = " ran emulated (QEMU)";
var place = (f) => `${f.rule}\0${f.file}\0${f.line}`;
function mergeOne(dockerfile, shards, everyPlatform) {
  const plannedSets = shards.flatMap((s) => s.plan?.platforms ?? []);
  const expected = plannedSets.length > 0 ? [...new Set(plannedSets)] : everyPlatform;
  const order = [...expected, ...shards.flatMap((s) => s.platforms.map((p) => p.platform)).filter((p) => !expected.includes(p))];
  const rank = (p) => order.indexOf(p);
  const platforms = /* @__PURE__ */ new Map();
  for (const s of shards) for (const p of s.platforms) if (!platforms.has(p.platform)) platforms.set(p.platform, p);
  const byPlace = /* @__PURE__ */ new Map();
  for (const s of shards) {
    for (const f of s.findings) {
      const list2 = byPlace.get(place(f)) ?? [];
      list2.push(f);
      byPlace.set(place(f), list2);
    }
  }
  const findings = [];
  for (const group of byPlace.values()) {
    const runtime = group.filter((f) => f.platforms && f.platforms.length > 0);
    const pool = runtime.length > 0 ? runtime : group;
    const first = (f) => Math.min(...(f.platforms ?? []).map(rank), order.length);
    const lead = [...pool].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || first(a) - first(b))[0];
    if (runtime.length === 0) {
      findings.push(lead);
      continue;
    }
    const seen = [...new Set(runtime.flatMap((f) => f.platforms))].sort((a, b) => rank(a) - rank(b));
    const emulated = [];
    let caveat = "";
    const withoutCaveat = (f) => {
      const at = f.message.indexOf(` ${joinPlatforms(f.platforms)}${EMULATED}`);
      if (at < 0) return f.message;
      emulated.push(...f.platforms);
      caveat ||= f.message.slice(at + 1 + joinPlatforms(f.platforms).length);
      return f.message.slice(0, at);
    };
    for (const f of runtime) withoutCaveat(f);
    let message = renamePlatforms(withoutCaveat(lead), lead.platforms, seen);
    if (caveat) message += ` ${joinPlatforms([...new Set(emulated)].sort((a, b) => rank(a) - rank(b)))}${caveat}`;
    findings.push({ ...lead, message, fix: renamePlatforms(lead.fix, lead.platforms, seen), platforms: seen });
  }
  const covered = /* @__PURE__ */ new Set([...platforms.keys(), ...shards.flatMap((s) => s.plan?.ran ?? [])]);
  const missing = expected.filter((p) => !covered.has(p));
  if (missing.length > 0) {
    const meta = ruleMeta("shard-missing");
    findings.push({
      rule: "shard-missing",
      severity: meta?.severity ?? "error",
      message: `No shard report for ${joinPlatforms(missing)}: that matrix job failed, was cancelled or did not upload its report, so nothing is known about the image there.`,
      fix: "Open the failed matrix job's log, fix what stopped it and re-run it (or every job), then the merge.",
      file: dockerfile,
      line: 1,
      endLine: 1,
      column: 1,
      platforms: missing
    });
    for (const p of missing) platforms.set(p, { platform: p, build: { ok: false, seconds: 0 }, skipped: "shard missing: no report from its matrix job" });
  }
  const notes = missing.length > 0 ? [`The shard report for ${joinPlatforms(missing)} is missing (${dockerfile}); the result is incomplete and counted as a failure.`] : [];
  return {
    version: 1,
    dockerfile,
    findings: findings.sort(compareFindings),
    platforms: [...platforms.values()].sort((a, b) => rank(a.platform) - rank(b.platform)),
    plan: { platforms: expected },
    notes
  };
}
function mergeReports(shards) {
  const byDockerfile = /* @__PURE__ */ new Map();
  for (const s of shards) {
    const list2 = byDockerfile.get(s.dockerfile) ?? [];
    list2.push(s);
    byDockerfile.set(s.dockerfile, list2);
  }
  const everyPlatform = [...new Set(shards.flatMap((s) => [...s.plan?.platforms ?? [], ...s.platforms.map((p) => p.platform)]))];
  return [...byDockerfile.entries()].map(([dockerfile, list2]) => mergeOne(dockerfile, list2, everyPlatform));
}
function mergeShardFiles(files, cwd) {
  if (files.length === 0) throw new InputError("merge needs at least one shard report (REPORT.json\u2026)");
  const shards = files.flatMap((f) => readShardFile(path18.resolve(cwd, f), f));
  return mergeReports(shards);
}

// src/matrix/commands.ts
function runPlan(command, io) {
  const root = repositoryRoot(io.cwd, io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  const options = defaultOptions(io.cwd);
  options.platforms = command.platforms ?? config?.defaults.platforms ?? options.platforms;
  options.filterMode = command.filterMode ?? config?.defaults.filterMode ?? "nofilter";
  const choice = chooseDiffFilter({
    options,
    diff: command.diff,
    modeFromFlag: command.filterMode !== void 0,
    configFile: config?.file,
    cwd: io.cwd,
    readStdin: io.readStdin ?? (() => fs12.readFileSync(0, "utf8"))
  });
  if (choice.note) io.stderr(`note: ${choice.note}
`);
  const matrix = planMatrix({
    specs: command.specs,
    cwd: io.cwd,
    root,
    platforms: options.platforms,
    runners: command.runners,
    ...choice.filter ? { changes: choice.filter.changes } : {}
  });
  io.stdout(`${JSON.stringify(matrix)}
`);
  return 0;
}
function runMerge(command, io) {
  const root = repositoryRoot(io.cwd, io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  const failOn = command.failOn ?? config?.defaults.failOn ?? "error";
  const reports = mergeShardFiles(command.reports, io.cwd);
  applyPathFailOn(reports, config, root, io.cwd);
  const toFile = command.output !== void 0;
  let body;
  if (command.format === "json") body = formatJson(reports);
  else if (command.format === "sarif") body = `${JSON.stringify(toSarif(reports), null, 2)}
`;
  else body = formatText(reports, failOn, io.isTTY && !toFile);
  if (command.format !== "text") for (const note of reports.flatMap((r) => r.notes ?? [])) io.stderr(`note: ${note}
`);
  if (toFile) {
    try {
      writeFileAtomic(path19.resolve(io.cwd, command.output), body);
    } catch (err) {
      throw new InputError(`cannot write the report to ${command.output}: ${err.code ?? errorMessage(err)}`);
    }
  } else {
    io.stdout(body);
  }
  return failsAt(reports.flatMap((r) => r.findings), failOn) ? 1 : 0;
}

// src/config/apply-defaults.ts
var SHARED = [
  "static",
  "platforms",
  "target",
  "gracePeriod",
  "startupWait",
  "readyLog",
  "probeNetwork",
  "failOn",
  "filterMode",
  "format",
  "image",
  "builder",
  "cacheFrom",
  "cacheTo",
  "secrets",
  "buildContexts",
  "ssh",
  "progress"
];
function applyConfigDefaults(options, defaults, given) {
  for (const key of SHARED) {
    const value = defaults[key];
    if (value === void 0 || given.has(key)) continue;
    options[key] = value;
  }
  if (defaults.platforms !== void 0) options.platformsExplicit = true;
  if (defaults.buildArgs) options.buildArgs = { ...defaults.buildArgs, ...options.buildArgs };
  if (defaults.probeEnv) options.probeEnv = { ...defaults.probeEnv, ...options.probeEnv };
}

// src/lint.ts
import fs13 from "node:fs";
import path20 from "node:path";

// src/report/ignores.ts
var MARK = /#\s*entrypoint-guard\s+(ignore|ignore-file)\s*=\s*([A-Za-z0-9_/,\s-]+)/;
function ids(list2) {
  return list2.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
}
function indexIgnores(text) {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const fileWide = /* @__PURE__ */ new Set();
  const byLine = /* @__PURE__ */ new Map();
  let pending = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    const m = MARK.exec(trimmed);
    if (m && m[1] === "ignore-file") ids(m[2]).forEach((id) => fileWide.add(id));
    if (trimmed.startsWith("#")) {
      if (m && m[1] === "ignore") pending.push(...ids(m[2]));
      return;
    }
    if (trimmed === "") return;
    if (pending.length > 0) byLine.set(i + 1, new Set(pending));
    pending = [];
  });
  return { fileWide, byLine };
}
function isIgnored(index, finding) {
  const matches = (set) => set.has(finding.rule) || finding.rule.startsWith("shellcheck/") && set.has(finding.rule.slice("shellcheck/".length));
  if (matches(index.fileWide)) return true;
  const at = index.byLine.get(finding.line);
  return at !== void 0 && matches(at);
}
function applyIgnores(findings, texts, ignore) {
  const indexes = /* @__PURE__ */ new Map();
  const indexFor = (file) => {
    let idx = indexes.get(file);
    if (!idx) {
      const text = texts.get(file);
      idx = text === void 0 ? { fileWide: /* @__PURE__ */ new Set(), byLine: /* @__PURE__ */ new Map() } : indexIgnores(text);
      indexes.set(file, idx);
    }
    return idx;
  };
  return findings.filter((f) => {
    if (ignore.has(f.rule) || f.rule.startsWith("shellcheck/") && (ignore.has(f.rule.slice(11)) || ignore.has("shellcheck"))) return false;
    return !isIgnored(indexFor(f.file), f);
  });
}

// src/rules/wrapper/shellcheck.ts
import { execFileSync as execFileSync2, spawnSync } from "node:child_process";
var SHELLCHECK_ABSENT_NOTE = "ShellCheck is not installed: wrapper scripts were checked by entrypoint-guard's own rules only.";
var EXCLUDED = "SC1090,SC1091,SC2128";
var EXCLUDED_SOURCED = ["SC2034", "SC2154"];
var TIMEOUT_MS = 15e3;
function ownRuleFor(code2) {
  if (code2 === 2068 || code2 === 2048) return "wrapper-unquoted-args";
  if (code2 === 2039 || code2 === 2112 || code2 === 2113 || code2 >= 3e3 && code2 < 3100) return "wrapper-bashism";
  if (code2 === 1017) return "crlf-line-endings";
  if (code2 === 1082) return "utf8-bom";
  if (code2 === 2148 || code2 === 1008) return "wrapper-missing-shebang";
  return void 0;
}
var tools = /* @__PURE__ */ new Map();
function findShellcheck(binary = "shellcheck") {
  if (tools.has(binary)) return tools.get(binary);
  let tool = null;
  const v = spawnSync(binary, ["--version"], { encoding: "utf8", timeout: 5e3 });
  if (!v.error && v.status === 0) {
    const version = /version:\s*(\S+)/.exec(v.stdout)?.[1] ?? "unknown";
    const probe3 = spawnSync(binary, ["--shell=busybox", "--format=json1", "-"], { input: "true\n", encoding: "utf8", timeout: 5e3 });
    tool = { binary, version, busybox: !probe3.error && probe3.status === 0 };
  }
  tools.set(binary, tool);
  return tool;
}
function shellcheckShell(dialect, tool) {
  switch (dialect) {
    case "bash":
      return "bash";
    case "ksh":
      return "ksh";
    case "dash":
      return "dash";
    case "busybox":
      return tool.busybox ? "busybox" : "dash";
    case "posix":
      return "dash";
    case "zsh":
      return void 0;
  }
}
var ADVISORY = /* @__PURE__ */ new Set([2034, 2166, 1007, 2097, 2098]);
function capLevel(level, code2) {
  if (ADVISORY.has(code2)) return "info";
  return level === "error" || level === "warning" ? "warning" : "info";
}
function applyFix(lineText, lineNo, replacements) {
  if (replacements.length === 0 || replacements.some((r) => r.line !== lineNo || r.endLine !== lineNo)) return void 0;
  let out = lineText;
  const sorted = [...replacements].sort((a, b) => b.column - a.column || b.endColumn - a.endColumn);
  for (const r of sorted) {
    const from = r.column - 1;
    const to = r.endColumn - 1;
    if (from < 0 || to < from || to > out.length) return void 0;
    out = out.slice(0, from) + r.replacement + out.slice(to);
  }
  return out;
}
function fixSentence(c, lines) {
  const lineText = lines[c.line - 1];
  if (c.fix && lineText !== void 0) {
    const fixed = applyFix(lineText, c.line, c.fix.replacements)?.trim();
    if (fixed && fixed.length <= 120 && !fixed.includes("`")) return `Change the line to \`${fixed}\`.`;
  }
  return `See https://www.shellcheck.net/wiki/SC${c.code}.`;
}
function runOne(tool, script, shell) {
  const excluded = script.wrapper.role === "sourced" ? [EXCLUDED, ...EXCLUDED_SOURCED].join(",") : EXCLUDED;
  let stdout;
  let timedOut = false;
  try {
    stdout = execFileSync2(tool.binary, ["--format=json1", `--shell=${shell}`, "-e", excluded, "-"], {
      input: script.analysis.text,
      encoding: "utf8",
      timeout: TIMEOUT_MS,
      maxBuffer: 32 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"]
    });
  } catch (err) {
    const failure = err;
    timedOut = failure.code === "ETIMEDOUT" || failure.signal === "SIGTERM";
    const out = failure.stdout;
    stdout = typeof out === "string" ? out : out ? out.toString("utf8") : "";
  }
  try {
    const parsed2 = JSON.parse(stdout);
    return { comments: Array.isArray(parsed2.comments) ? parsed2.comments : [], timedOut };
  } catch {
    return { comments: [], timedOut };
  }
}
function ownHits(model) {
  const ids2 = /* @__PURE__ */ new Set(["wrapper-unquoted-args", "wrapper-bashism", "crlf-line-endings", "utf8-bom", "wrapper-missing-shebang"]);
  const out = /* @__PURE__ */ new Map();
  for (const rule31 of wrapperRules) {
    if (!ids2.has(rule31.id)) continue;
    let hits;
    try {
      hits = rule31.check(model);
    } catch {
      continue;
    }
    for (const h of hits) {
      const key = `${h.file ?? model.file}\0${h.range.line}`;
      let set = out.get(key);
      if (!set) out.set(key, set = /* @__PURE__ */ new Set());
      set.add(rule31.id);
    }
  }
  return out;
}
function runShellcheck(model, options = {}) {
  const scripts = shellScripts(model);
  if (scripts.length === 0) return { findings: [] };
  const tool = findShellcheck(options.binary);
  if (!tool) return { findings: [], note: SHELLCHECK_ABSENT_NOTE };
  const ours = ownHits(model);
  const findings = [];
  const unfinished = [];
  for (const script of scripts) {
    const shell = shellcheckShell(script.dialect.dialect, tool);
    if (!shell) continue;
    const lines = script.analysis.text.split("\n");
    const offset = script.wrapper.lineOffset;
    const { comments, timedOut } = runOne(tool, script, shell);
    if (timedOut) unfinished.push(script.wrapper.file);
    for (const c of comments) {
      if (typeof c.code !== "number" || typeof c.line !== "number") continue;
      const line = c.line + offset;
      const own = ownRuleFor(c.code);
      if (own && ours.get(`${script.wrapper.file}\0${line}`)?.has(own)) continue;
      const finding = {
        rule: `shellcheck/SC${c.code}`,
        severity: capLevel(c.level, c.code),
        message: c.message,
        fix: fixSentence(c, lines),
        file: script.wrapper.file,
        line,
        endLine: Math.max(c.endLine ?? c.line, c.line) + offset,
        column: c.column ?? 1
      };
      if (typeof c.endColumn === "number" && c.endLine === c.line) finding.endColumn = c.endColumn;
      findings.push(finding);
    }
  }
  if (unfinished.length === 0) return { findings };
  const note = `ShellCheck did not finish within ${TIMEOUT_MS / 1e3} s on ${unfinished.join(", ")}: its findings there are missing (entrypoint-guard's own rules still ran).`;
  return { findings, note };
}

// src/lint.ts
function displayPath(absPath, cwd) {
  const rel = path20.relative(cwd, absPath);
  return (rel === "" ? "." : rel).split(path20.sep).join("/");
}
function toFinding(meta, hit5, defaultFile) {
  const finding = {
    rule: hit5.rule ?? meta.id,
    severity: hit5.severity ?? meta.severity,
    message: hit5.message,
    fix: hit5.fix,
    file: hit5.file ?? defaultFile,
    line: hit5.range.line,
    endLine: Math.max(hit5.range.endLine, hit5.range.line),
    column: hit5.range.column
  };
  if (hit5.range.endColumn > 0) finding.endColumn = hit5.range.endColumn;
  return finding;
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${(f.platforms ?? []).join(",")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function checkContextDir(contextDir, cwd) {
  let stat;
  try {
    stat = fs13.statSync(contextDir);
  } catch {
    throw new InputError(`build context ${displayPath(contextDir, cwd)} does not exist`);
  }
  if (!stat.isDirectory()) throw new InputError(`build context ${displayPath(contextDir, cwd)} is not a directory`);
}
function sourceTexts(model) {
  const texts = /* @__PURE__ */ new Map([[model.file, model.text]]);
  for (const w of model.wrappers) if (!texts.has(w.file)) texts.set(w.file, w.text);
  return texts;
}
function lintDockerfile(options) {
  const cwd = options.cwd ?? process.cwd();
  const absPath = path20.resolve(cwd, options.dockerfile);
  const file = displayPath(absPath, cwd);
  const text = readUserText(absPath, file, "Dockerfile");
  const contextDir = path20.resolve(cwd, options.context ?? path20.dirname(absPath));
  checkContextDir(contextDir, cwd);
  const model = parseDockerfile({ file, absPath, text, contextDir, buildArgs: options.buildArgs, target: options.target });
  const findings = [];
  for (const rule31 of staticRules) {
    for (const hit5 of rule31.check(model)) findings.push(toFinding(rule31, hit5, file));
  }
  const notes = [];
  const shellcheck = runShellcheck(model);
  findings.push(...shellcheck.findings);
  if (shellcheck.note) notes.push(shellcheck.note);
  return { model, findings: dedupe(applyIgnores(findings, sourceTexts(model), options.ignore ?? /* @__PURE__ */ new Set())), notes };
}

// src/runtime/index.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import fs20 from "node:fs";
import path27 from "node:path";

// src/runtime/build.ts
import fs15 from "node:fs";
import os from "node:os";
import path21 from "node:path";

// src/runtime/docker.ts
import { spawn } from "node:child_process";
import fs14 from "node:fs";
var CLIENT_ENV = ["PATH", "HOME", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "DOCKER_API_VERSION", "BUILDX_CONFIG", "BUILDX_BUILDER", "XDG_RUNTIME_DIR", "TMPDIR"];
function dockerEnv(extra = {}) {
  const env = {};
  for (const k of CLIENT_ENV) if (process.env[k] !== void 0) env[k] = process.env[k];
  return { ...env, ...extra };
}
var running = /* @__PURE__ */ new Set();
function killRunningDockerCalls() {
  for (const child of running) killCall(child, "SIGKILL");
  running.clear();
}
function killCall(child, signal) {
  try {
    if (child.pid !== void 0) {
      process.kill(-child.pid, signal);
      return;
    }
  } catch {
  }
  child.kill(signal);
}
function redactArgs(args) {
  return args.map((a, i) => args[i - 1] === "--secret" ? "<redacted>" : a.startsWith("--secret=") ? "--secret=<redacted>" : a);
}
function logCall(args) {
  const file = process.env.ENTRYPOINT_GUARD_DOCKER_LOG;
  if (!file) return;
  try {
    fs14.appendFileSync(file, `${JSON.stringify(redactArgs(args))}
`);
  } catch {
  }
}
function docker(args, options) {
  logCall(args);
  return new Promise((resolve) => {
    const child = spawn("docker", args, { env: dockerEnv(options.env), stdio: ["pipe", "pipe", "pipe"], detached: true });
    running.add(child);
    child.on("exit", () => running.delete(child));
    const out = [];
    let outBytes = 0;
    const max = options.maxStdoutBytes ?? 64 * 1024 * 1024;
    let stderr = "";
    let timedOut = false;
    let settled = false;
    const finish = (code2) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer2);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code: code2, stdout: stdoutBytes.toString("utf8"), stderr, timedOut, stdoutBytes });
    };
    const timer2 = setTimeout(() => {
      setImmediate(() => {
        if (settled || child.exitCode !== null || child.signalCode !== null) return;
        timedOut = true;
        killCall(child, "SIGKILL");
      });
    }, options.timeoutMs);
    const stopEarly = () => killCall(child, "SIGTERM");
    child.stdout.on("data", (chunk) => {
      if (outBytes < max) {
        out.push(chunk);
        outBytes += chunk.length;
      }
      if (options.onOutput?.(chunk.toString("utf8"))) stopEarly();
    });
    child.stderr.on("data", (chunk) => {
      const s = chunk.toString("utf8");
      if (stderr.length < 1024 * 1024) stderr += s;
      if (options.onOutput?.(s)) stopEarly();
    });
    child.on("error", (err) => {
      stderr += err.message;
      finish(null);
    });
    child.on("close", (code2) => finish(code2));
    child.stdin.on("error", () => {
    });
    if (options.input !== void 0) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

// src/runtime/buildx.ts
var ASK_MS = 15e3;
function parseBuildxVersion(text) {
  const m = /\bv?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.replace(/^\S*buildx\S*\s*/, ""));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : void 0;
}
function atLeast(v, want) {
  if (!v) return false;
  for (let i = 0; i < 3; i++) if (v[i] !== want[i]) return v[i] > want[i];
  return true;
}
var FLAG_SINCE = {
  "--metadata-file": [0, 6, 0],
  "--build-context": [0, 8, 0],
  "--provenance": [0, 10, 0],
  // `buildx.build.warnings` in the metadata file (with BUILDX_METADATA_WARNINGS=1).
  warnings: [0, 15, 0]
};
var cached;
function buildxVersion() {
  cached ??= docker(["buildx", "version"], { timeoutMs: ASK_MS }).then((r) => r.code === 0 ? parseBuildxVersion(r.stdout) : void 0);
  return cached;
}
function supports(version, flag) {
  return atLeast(version, FLAG_SINCE[flag]);
}
async function inspectBuilder(builder) {
  const res = await docker(["buildx", "inspect", ...builder ? [builder] : []], { timeoutMs: ASK_MS });
  if (res.code !== 0) {
    if (builder) throw new InputError(`buildx builder ${builder} does not exist or does not answer (docker buildx ls lists the builders)`);
    return { platforms: [] };
  }
  const driver = /^Driver:\s*(\S+)/m.exec(res.stdout)?.[1];
  const line = /^Platforms:\s*(.*)$/m.exec(res.stdout)?.[1] ?? "";
  const platforms = line.split(",").map((s) => s.replace(/\*$/, "").trim()).filter(Boolean);
  return { driver, platforms };
}
function checkBuildOptions(options, info) {
  if (info.driver === "docker") {
    const exported = options.cacheTo.find((spec) => !/^(type=)?inline(,|$)/.test(spec));
    if (exported) {
      const type = /(?:^|,)type=([^,]+)/.exec(exported)?.[1] ?? exported.split(",")[0];
      throw new InputError(
        `--cache-to type=${type} needs a builder with the docker-container driver (docker/setup-buildx-action, or docker buildx create --driver docker-container --use); the ${options.builder ?? "current"} builder uses the docker driver`
      );
    }
  }
  if (options.buildContexts.length > 0 && info.version && !supports(info.version, "--build-context")) {
    throw new InputError(`--build-context needs buildx 0.8 or later (this is ${info.version.join(".")})`);
  }
}
function redactSecrets(text, secrets) {
  let out = text;
  for (const spec of secrets) {
    const values = [spec, ...spec.split(",").map((kv) => kv.slice(kv.indexOf("=") + 1)).filter((v) => v.length >= 3)];
    for (const v of values.sort((a, b) => b.length - a.length)) out = out.split(v).join("<redacted>");
  }
  return out;
}

// src/runtime/build.ts
var BUILD_TIMEOUT_MS = 45 * 6e4;
function cacheStats(log) {
  const steps = /* @__PURE__ */ new Set();
  const cached2 = /* @__PURE__ */ new Set();
  for (const line of log.replace(/\r/g, "").split("\n")) {
    const step = /^#(\d+) \[[^\]]*\d+\/\d+\] (?!FROM )/.exec(line);
    if (step) steps.add(step[1]);
    const hit5 = /^#(\d+) CACHED\s*$/.exec(line);
    if (hit5) cached2.add(hit5[1]);
  }
  return { steps: steps.size, cached: [...cached2].filter((id) => steps.has(id)).length };
}
function readMetadata(file) {
  try {
    return JSON.parse(fs15.readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}
function secretEnv(secrets) {
  const env = {};
  for (const spec of secrets) {
    const fields = new Map(spec.split(",").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
    const name = fields.get("env") ?? (fields.has("src") || fields.has("source") ? void 0 : fields.get("id"));
    if (name && process.env[name] !== void 0) env[name] = process.env[name];
  }
  return env;
}
function userBuildArgs(b) {
  const args = [];
  if (b.builder) args.push("--builder", b.builder);
  for (const s of b.cacheFrom ?? []) args.push("--cache-from", s);
  for (const s of b.cacheTo ?? []) args.push("--cache-to", s);
  for (const s of b.secrets ?? []) args.push("--secret", s);
  for (const s of b.buildContexts ?? []) args.push("--build-context", s);
  for (const s of b.ssh ?? []) args.push("--ssh", s);
  return args;
}
function imageTag(runId, platform, nonce = "") {
  const clean = (s) => s.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-.]+/, "");
  return `entrypoint-guard/${clean(runId)}${nonce ? `-${clean(nonce)}` : ""}:${clean(platform)}`;
}
async function buildPlatform(req) {
  const { model, platform, cleanup } = req;
  const tag = imageTag(cleanup.runId, platform, req.nonce);
  cleanup.image(tag);
  const version = await buildxVersion();
  const args = ["buildx", "build", "--progress=plain", "--platform", platform, "--load", "-t", tag, ...cleanup.labelArgs()];
  if (supports(version, "--provenance")) args.push("--provenance=false");
  let metadataFile;
  if (supports(version, "--metadata-file")) {
    const dir = fs15.mkdtempSync(path21.join(os.tmpdir(), "eg-build-"));
    cleanup.dir(dir);
    metadataFile = path21.join(dir, "metadata.json");
    args.push("--metadata-file", metadataFile);
  }
  args.push(...userBuildArgs(req.buildx ?? {}));
  if (req.target) args.push("--target", req.target);
  for (const [k, v] of Object.entries(req.buildArgs)) args.push("--build-arg", `${k}=${v}`);
  args.push("-f", model.absPath, req.contextDir);
  let log = "";
  const started = Date.now();
  const result = await docker(args, {
    timeoutMs: req.timeoutMs ?? BUILD_TIMEOUT_MS,
    maxStdoutBytes: 1024 * 1024,
    env: { ...secretEnv(req.buildx?.secrets ?? []), BUILDX_NO_DEFAULT_ATTESTATIONS: "1", DOCKER_BUILDKIT: "1", BUILDX_METADATA_WARNINGS: "1" },
    onOutput: (chunk) => {
      req.onProgress?.(chunk);
      log += chunk;
      if (log.length > 512 * 1024) log = log.slice(-256 * 1024);
    }
  });
  const seconds2 = round((Date.now() - started) / 1e3);
  if (result.code === 0 && !result.timedOut) {
    const outcome = { ok: true, tag, seconds: seconds2, cache: cacheStats(log) };
    if (metadataFile) {
      const meta = readMetadata(metadataFile);
      if (meta["containerimage.digest"]) outcome.digest = meta["containerimage.digest"];
      const warnings = meta["buildx.build.warnings"];
      if (Array.isArray(warnings) && warnings.length > 0) {
        outcome.warnings = warnings.map((w) => {
          const line = w.location?.ranges?.[0]?.start?.line;
          return `${w.short ?? "build warning"}${line ? ` (Dockerfile line ${line})` : ""}`;
        });
      }
    }
    return outcome;
  }
  if (result.timedOut) {
    const minutes = Math.round((req.timeoutMs ?? BUILD_TIMEOUT_MS) / 6e4);
    return {
      ok: false,
      tag,
      seconds: seconds2,
      hit: {
        rule: "build-failed",
        message: `The build for {platforms} did not finish within ${minutes} minutes, so its image could not be checked.`,
        fix: "Speed the build up (cache mounts, a prebuilt base) or check it locally with `docker buildx build --platform " + platform + " .`.",
        range: model.instructions[0]?.range
      }
    };
  }
  const failure = parseBuildFailure(redactSecrets(log || result.stderr, req.buildx?.secrets ?? []), model);
  if (isMissingEmulator(failure.errorLines.join("\n"))) {
    return { ok: false, tag, seconds: seconds2, unavailable: true, hit: unavailableHit(platform, model, failure.errorLines.at(-1)) };
  }
  return { ok: false, tag, seconds: seconds2, hit: buildFailedHit(platform, model, failure) };
}
function parseBuildFailure(log, model) {
  const lines = log.replace(/\r/g, "").split("\n");
  const finalLine = [...lines].reverse().find((l) => /^ERROR:|^error:/.test(l.trim())) ?? lines.filter((l) => l.trim()).at(-1) ?? "the build failed";
  const finalError = stripErrorPrefixes(finalLine.trim());
  let vertex;
  let stepError;
  for (const l of lines) {
    const m = /^#(\d+) ERROR: (.*)$/.exec(l);
    if (m) {
      vertex = m[1];
      stepError = m[2];
      break;
    }
  }
  let header;
  const output = [];
  if (vertex) {
    for (const l of lines) {
      const h = new RegExp(`^#${vertex} (\\[.*)$`).exec(l);
      if (h && header === void 0) header = h[1];
      const o = new RegExp(`^#${vertex} \\d+\\.\\d+ (.*)$`).exec(l);
      if (o) output.push(o[1]);
    }
  }
  if (output.length === 0) {
    const start = lines.findIndex((l) => /^ > \[/.test(l));
    if (start >= 0) {
      header ??= lines[start].slice(3).replace(/:$/, "");
      for (let i = start + 1; i < lines.length && !/^-{4,}$/.test(lines[i].trim()); i++) {
        output.push(lines[i].replace(/^\d+\.\d+ /, ""));
      }
    }
  }
  let range;
  let instr;
  const marked = lines.map((l) => /^\s*(\d+)\s*\|\s*>>>/.exec(l)).filter((m) => m !== null).map((m) => Number(m[1]));
  if (marked.length > 0) {
    const line = Math.min(...marked);
    instr = model.instructions.find((i) => i.range.line <= line && line <= i.range.endLine);
    range = instr?.range ?? { line, column: 1, endLine: Math.max(...marked), endColumn: 0 };
  }
  if (!range && header) {
    instr = matchStep(header, model);
    range = instr?.range;
  }
  if (!range) {
    const m = /(?:parse error|error on) line (\d+)/i.exec(finalError);
    if (m) {
      const line = Number(m[1]);
      instr = model.instructions.find((i) => i.range.line <= line && line <= i.range.endLine);
      range = instr?.range ?? { line, column: 1, endLine: line, endColumn: 0 };
    }
  }
  const tail = output.map((l) => l.trimEnd()).filter((l) => l.trim() !== "").slice(-5);
  const errorLines = [...tail, stepError && !finalError.includes(stepError) ? stepError : finalError];
  return { instr, range, errorLines, error: finalError };
}
function stripErrorPrefixes(line) {
  let s = line.replace(/^(ERROR|error):\s*/, "");
  for (; ; ) {
    const next = s.replace(/^failed to solve( with frontend [\w.]+)?:\s*/i, "").replace(/^rpc error: code = \w+ desc = /i, "").replace(/^failed to create LLB definition:\s*/i, "");
    if (next === s) return s;
    s = next;
  }
}
function matchStep(header, model) {
  const m = /^\[(?:(\S+) )?\d+\/\d+\] (\S+)\s*(.*)$/.exec(header.trim());
  if (!m) return void 0;
  const [, stageName, keyword, rest] = m;
  const norm = (s) => s.replace(/\s+/g, " ").trim();
  const want = norm(rest);
  let stages = model.stages;
  if (stageName !== void 0) {
    const byIndex = /^stage-(\d+)$/.exec(stageName);
    const named = model.stages.filter((s) => s.name === stageName.toLowerCase() || byIndex && s.index === Number(byIndex[1]));
    if (named.length > 0) stages = named;
  }
  const candidates = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === keyword.toUpperCase());
  const rawText = (i) => {
    const flags = [...i.flags].map(([k, v]) => v === null ? `--${k}` : `--${k}=${v}`).join(" ");
    return norm(`${flags} ${i.text}`);
  };
  return candidates.find((i) => rawText(i) === want || norm(i.text) === want) ?? candidates.find((i) => want.startsWith(norm(i.text).slice(0, 40)) || norm(i.text).startsWith(want.slice(0, 40))) ?? (candidates.length === 1 ? candidates[0] : void 0);
}
function isMissingEmulator(text) {
  return /exec format error|no binfmt_misc|binfmt.*not (?:registered|found|available)/i.test(text);
}
function unavailableHit(platform, model, detail) {
  const why2 = detail ? ` (${truncate(detail, 160)})` : "";
  return {
    rule: "platform-unavailable",
    message: `{platforms} cannot run on this machine because no emulator is registered for it${why2}, so its build and runtime checks were skipped, not failed.`,
    fix: `Add \`docker/setup-qemu-action\` before this step in the workflow (or register qemu binfmt handlers, e.g. \`apt-get install qemu-user-static\`) to check ${platform}.`,
    range: model.instructions[0]?.range
  };
}
function buildFailedHit(platform, model, failure) {
  const where = failure.instr ? ` at \`${truncate(`${failure.instr.keyword} ${failure.instr.text.replace(/\s+/g, " ")}`, 100)}\`` : "";
  const quoted = failure.errorLines.map((l) => `\`${truncate(l.trim().replaceAll("`", "'"), 200)}\``).join(" ");
  return {
    rule: "build-failed",
    message: `The build for {platforms} fails${where}: ${quoted}`,
    fix: `Reproduce it with \`docker buildx build --platform ${platform} --load .\` and fix that instruction{archHint}.`,
    range: failure.range ?? model.instructions[0]?.range
  };
}
function truncate(s, max) {
  return s.length <= max ? s : `${s.slice(0, max - 1)}\u2026`;
}
function round(n) {
  return Math.round(n * 100) / 100;
}

// src/runtime/image-source.ts
var INSPECT_MS = 6e4;
var PULL_TIMEOUT_MS = 15 * 6e4;
function platformName(p) {
  const variant = p.variant && !(p.architecture === "arm64" && p.variant === "v8") ? `/${p.variant}` : "";
  return `${p.os ?? "unknown"}/${p.architecture ?? "unknown"}${variant}`;
}
function repositoryOf(ref) {
  const noDigest = ref.replace(/@sha256:[a-f0-9]{64}$/i, "");
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
function namesRegistry(ref) {
  const slash = ref.indexOf("/");
  if (slash < 0) return false;
  const host = ref.slice(0, slash);
  return host.includes(".") || host.includes(":") || host === "localhost";
}
async function localImage(ref) {
  const res = await docker(["image", "inspect", "--format", "{{json .}}", ref], { timeoutMs: INSPECT_MS });
  if (res.code !== 0 || res.timedOut) return void 0;
  try {
    const img = JSON.parse(res.stdout);
    if (!img.Id) return void 0;
    return { platform: platformName({ os: img.Os, architecture: img.Architecture, variant: img.Variant || void 0 }), digest: img.Id, source: ref, local: true };
  } catch {
    return void 0;
  }
}
async function registryImage(ref) {
  const res = await docker(["buildx", "imagetools", "inspect", "--format", "{{json .}}", ref], { timeoutMs: INSPECT_MS });
  if (res.code !== 0 || res.timedOut) {
    const why2 = res.timedOut ? `no answer within ${INSPECT_MS / 1e3} s` : res.stderr.trim().split("\n").at(-1) ?? "not found";
    return { error: truncate(why2.replace(/^ERROR:\s*/, ""), 200) };
  }
  let data;
  try {
    data = JSON.parse(res.stdout);
  } catch {
    return { error: "the registry answered with something that is not an image manifest" };
  }
  const repo = repositoryOf(ref);
  const digest = data.manifest?.digest ?? "";
  const entries = data.manifest?.manifests;
  const variants = [];
  if (entries) {
    for (const m of entries) {
      const platform = platformName(m.platform ?? {});
      if (platform.startsWith("unknown/") || variants.some((v) => v.platform === platform)) continue;
      variants.push({ platform, digest: m.digest, source: `${repo}@${m.digest}`, local: false });
    }
  } else if (digest) {
    variants.push({ platform: platformName(data.image ?? {}), digest, source: `${repo}@${digest}`, local: false });
  }
  if (variants.length === 0) return { error: "its manifest names no runnable platform" };
  return { ref, digest, local: false, variants };
}
async function resolveImage(ref) {
  const fromLocal = async () => {
    const v = await localImage(ref);
    return v ? { ref, digest: v.digest, local: true, variants: [v] } : void 0;
  };
  if (!namesRegistry(ref)) {
    const local2 = await fromLocal();
    if (local2) return local2;
  }
  const remote = await registryImage(ref);
  if (!("error" in remote)) return remote;
  const local = namesRegistry(ref) ? await fromLocal() : void 0;
  if (local) return local;
  throw new InputError(`--image ${ref} is neither a local image nor readable from its registry (${remote.error})`);
}
async function pullVariant(variant, tag, cleanup) {
  const started = Date.now();
  const seconds2 = () => Math.round((Date.now() - started) / 10) / 100;
  if (variant.local) return { ok: true, image: variant.source, seconds: 0 };
  const present = await docker(["image", "inspect", "--format", "{{.Id}}", variant.source], { timeoutMs: INSPECT_MS });
  const pulling = present.code !== 0;
  if (pulling) {
    cleanup.image(variant.source);
    const pulled = await docker(["pull", "--quiet", "--platform", variant.platform, variant.source], { timeoutMs: PULL_TIMEOUT_MS });
    if (pulled.code !== 0 || pulled.timedOut) {
      const why2 = pulled.timedOut ? `no answer within ${PULL_TIMEOUT_MS / 6e4} minutes` : pulled.stderr.trim().split("\n").at(-1) ?? `exit ${pulled.code}`;
      return { ok: false, error: `docker pull ${variant.source} failed: ${truncate(why2, 200)}`, seconds: seconds2() };
    }
  }
  cleanup.image(tag);
  const tagged = await docker(["tag", variant.source, tag], { timeoutMs: INSPECT_MS });
  if (tagged.code !== 0) return { ok: false, error: `docker tag failed: ${truncate(tagged.stderr.trim(), 200)}`, seconds: seconds2() };
  if (pulling) await docker(["rmi", variant.source], { timeoutMs: INSPECT_MS });
  return { ok: true, image: tag, seconds: seconds2() };
}

// src/runtime/cleanup.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import { randomBytes as randomBytes2 } from "node:crypto";
import fs16 from "node:fs";
var RUN_LABEL = "entrypoint-guard.run";
var Cleanup = class {
  runId;
  containers = /* @__PURE__ */ new Set();
  images = /* @__PURE__ */ new Set();
  dirs = /* @__PURE__ */ new Set();
  onSignal = (signal) => {
    killRunningDockerCalls();
    this.removeAllSync();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  installed = false;
  constructor(runId = `eg-${Date.now().toString(36)}-${randomBytes2(3).toString("hex")}`) {
    this.runId = runId;
  }
  /** Remove everything if the tool itself is interrupted. */
  installSignalHandlers() {
    if (this.installed) return;
    this.installed = true;
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
  }
  uninstallSignalHandlers() {
    if (!this.installed) return;
    this.installed = false;
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
  }
  labelArgs() {
    return ["--label", `${RUN_LABEL}=${this.runId}`];
  }
  container(id) {
    this.containers.add(id);
  }
  image(tag) {
    this.images.add(tag);
  }
  dir(path29) {
    this.dirs.add(path29);
  }
  forgetContainer(id) {
    this.containers.delete(id);
  }
  async removeAll() {
    const containers = [...this.containers];
    const images = [...this.images];
    this.containers.clear();
    this.images.clear();
    const labelled = await docker(["ps", "-aq", "--filter", `label=${RUN_LABEL}=${this.runId}`], { timeoutMs: 15e3 });
    for (const id of labelled.stdout.split("\n").map((s) => s.trim()).filter(Boolean)) containers.push(id);
    if (containers.length > 0) await docker(["rm", "-f", "-v", ...new Set(containers)], { timeoutMs: 3e4 });
    if (images.length > 0) await docker(["rmi", "-f", ...images], { timeoutMs: 3e4 });
    this.removeDirs();
  }
  removeAllSync() {
    const run = (args) => spawnSync2("docker", args, { env: dockerEnv(), timeout: 2e4, stdio: "ignore" });
    const listed = spawnSync2("docker", ["ps", "-aq", "--filter", `label=${RUN_LABEL}=${this.runId}`], { env: dockerEnv(), timeout: 1e4, encoding: "utf8" });
    const ids2 = /* @__PURE__ */ new Set([...this.containers, ...(listed.stdout ?? "").split("\n").map((s) => s.trim()).filter(Boolean)]);
    if (ids2.size > 0) run(["rm", "-f", "-v", ...ids2]);
    if (this.images.size > 0) run(["rmi", "-f", ...this.images]);
    this.containers.clear();
    this.images.clear();
    this.removeDirs();
  }
  removeDirs() {
    for (const d of this.dirs) fs16.rmSync(d, { recursive: true, force: true });
    this.dirs.clear();
  }
};

// src/runtime/image-config.ts
var stringArray = (v) => Array.isArray(v) ? v.filter((s) => typeof s === "string") : [];
function imageConfigFromInspect(raw) {
  const c = raw.Config ?? {};
  const env = {};
  for (const kv of stringArray(c.Env)) {
    const eq = kv.indexOf("=");
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    else if (eq < 0) env[kv] = "";
  }
  const path29 = env.PATH !== void 0 ? env.PATH.split(":").filter((d) => d.length > 0) : [...DEFAULT_PATH];
  const config = {
    entrypoint: stringArray(c.Entrypoint),
    cmd: stringArray(c.Cmd),
    env,
    path: path29,
    workingDir: c.WorkingDir && c.WorkingDir.length > 0 ? c.WorkingDir : "/",
    user: c.User ?? "",
    stopSignal: c.StopSignal && c.StopSignal.length > 0 ? c.StopSignal : "SIGTERM",
    healthcheck: healthcheckRuns(c.Healthcheck?.Test),
    os: raw.Os ?? "linux",
    architecture: raw.Architecture ?? ""
  };
  if (raw.Variant) config.variant = raw.Variant;
  const shell = stringArray(c.Shell);
  if (shell.length > 0) config.shell = shell;
  const health = config.healthcheck ? healthSpec(c.Healthcheck, shell) : void 0;
  if (health) config.health = health;
  return config;
}
var seconds = (ns, fallback) => typeof ns === "number" && ns > 0 ? ns / 1e9 : fallback;
function healthSpec(h, shell) {
  const [kind, ...rest] = stringArray(h.Test);
  let argv;
  if (kind === "CMD") argv = rest;
  else if (kind === "CMD-SHELL" && rest.length > 0) argv = [...shell.length > 0 ? shell : ["/bin/sh", "-c"], rest.join(" ")];
  else return void 0;
  if (argv.length === 0) return void 0;
  return {
    argv,
    text: rest.join(" "),
    interval: seconds(h.Interval, 30),
    timeout: seconds(h.Timeout, 30),
    startPeriod: seconds(h.StartPeriod, 0),
    retries: typeof h.Retries === "number" && h.Retries > 0 ? h.Retries : 3
  };
}
function healthcheckRuns(test) {
  const t = stringArray(test);
  return t.length > 0 && t[0] !== "NONE";
}
async function inspectImage(ref) {
  const res = await docker(["image", "inspect", "--format", "{{json .}}", "--", ref], { timeoutMs: 2e4, maxStdoutBytes: 4 * 1024 * 1024 });
  if (res.timedOut) throw new Error(`docker image inspect ${ref} did not answer within 20 s`);
  if (res.code !== 0) throw new Error(`docker image inspect ${ref} failed: ${res.stderr.trim().split("\n")[0] ?? ""}`);
  let parsed2;
  try {
    parsed2 = JSON.parse(res.stdout.trim());
  } catch {
    throw new Error(`docker image inspect ${ref} returned unreadable JSON`);
  }
  const raw = Array.isArray(parsed2) ? parsed2[0] : parsed2;
  if (!raw || typeof raw !== "object") throw new Error(`docker image inspect ${ref} returned no image`);
  return imageConfigFromInspect(raw);
}

// src/runtime/args-forwarding.ts
import path24 from "node:path";

// src/runtime/container-state.ts
var CALL_MS = 2e4;
async function containerState(id) {
  const res = await docker(["inspect", "--format", "{{json .State}}", id], { timeoutMs: CALL_MS });
  if (res.code !== 0) return void 0;
  try {
    const s = JSON.parse(res.stdout);
    const state = {
      running: s.Running === true,
      exitCode: s.ExitCode ?? 0,
      pid: s.Pid ?? 0,
      startedAt: s.StartedAt ?? "",
      finishedAt: s.FinishedAt ?? "",
      oomKilled: s.OOMKilled === true,
      error: s.Error ?? ""
    };
    if (s.Health?.Status) state.health = s.Health.Status;
    return state;
  } catch {
    return void 0;
  }
}

// src/runtime/host-proc.ts
import fs17 from "node:fs";
import { constants } from "node:os";
function hostProc(pid, containerId, root = "/proc") {
  if (!pid || pid <= 0) return void 0;
  const local = !process.env.DOCKER_HOST || process.env.DOCKER_HOST.startsWith("unix://");
  if (!local) return void 0;
  try {
    const cgroup = fs17.readFileSync(`${root}/${pid}/cgroup`, "utf8");
    if (!cgroup.includes(containerId)) return void 0;
  } catch {
    return void 0;
  }
  return { pid, root };
}
function listeningSockets(proc) {
  const out = [];
  const read = (name) => {
    try {
      return fs17.readFileSync(`${proc.root}/${proc.pid}/net/${name}`, "utf8");
    } catch {
      return "";
    }
  };
  for (const [file, proto, v6] of [["tcp", "tcp", false], ["tcp6", "tcp", true], ["udp", "udp", false], ["udp6", "udp", true]]) {
    out.push(...parseInetTable(read(file), proto, v6));
  }
  out.push(...parseUnixTable(read("unix")));
  return out;
}
function parseInetTable(text, proto, v6) {
  const out = [];
  for (const line of text.split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    const [local, , state] = [cols[1], cols[2], cols[3]];
    if (!local || !state) continue;
    if (proto === "tcp" ? state !== "0A" : state !== "07") continue;
    const [hexAddr = "", hexPort = ""] = local.split(":");
    const port = Number.parseInt(hexPort, 16);
    if (!Number.isFinite(port) || port === 0) continue;
    const any = /^0+$/.test(hexAddr);
    const host = any ? "" : v6 ? "[" + ipv6(hexAddr) + "]" : ipv4(hexAddr);
    out.push({ proto, address: `${host}:${port}` });
  }
  return out;
}
function parseUnixTable(text) {
  const out = [];
  for (const line of text.split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8) continue;
    const flags = Number.parseInt(cols[3], 16);
    const type = cols[4];
    const path29 = cols.slice(7).join(" ");
    const listening = (flags & 65536) !== 0 || type === "0002" && path29 !== "";
    if (listening && path29 !== "") out.push({ proto: "unix", address: path29 });
  }
  return out;
}
function ipv4(hex) {
  const n = Number.parseInt(hex, 16);
  return [n & 255, n >>> 8 & 255, n >>> 16 & 255, n >>> 24 & 255].join(".");
}
function ipv6(hex) {
  const bytes = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (let b = 3; b >= 0; b--) bytes.push(word.slice(b * 2, b * 2 + 2));
  }
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(String(Number.parseInt(bytes[i] + bytes[i + 1], 16).toString(16)));
  return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}
function treeCpu(proc) {
  const first = cpuStat(proc, proc.pid);
  if (first === void 0) return void 0;
  const total = { ...first };
  const seen = /* @__PURE__ */ new Set([proc.pid]);
  const queue = [...childrenOf(proc, proc.pid)];
  while (queue.length > 0 && seen.size < 4096) {
    const pid = queue.shift();
    if (seen.has(pid)) continue;
    seen.add(pid);
    const stat = cpuStat(proc, pid);
    if (stat) {
      total.ticks += stat.ticks;
      total.runnable ||= stat.runnable;
    }
    queue.push(...childrenOf(proc, pid));
  }
  return total;
}
function cpuStat(proc, pid) {
  try {
    const stat = fs17.readFileSync(`${proc.root}/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ticks: Number(fields[11]) + Number(fields[12]), runnable: fields[0] === "R" };
  } catch {
    return void 0;
  }
}
function childStates(proc) {
  const out = [];
  for (const pid of childrenOf(proc, proc.pid)) {
    try {
      const stat = fs17.readFileSync(`${proc.root}/${pid}/stat`, "utf8");
      const open = stat.indexOf("(");
      const close = stat.lastIndexOf(")");
      const child = { pid, comm: stat.slice(open + 1, close), state: stat.slice(close + 2, close + 3) };
      const nsPid = /^NSpid:\s*([\d\s]+)$/m.exec(fs17.readFileSync(`${proc.root}/${pid}/status`, "utf8"))?.[1]?.trim().split(/\s+/).pop();
      if (nsPid) child.nsPid = Number(nsPid);
      out.push(child);
    } catch {
    }
  }
  return out;
}
function childrenOf(proc, pid) {
  const out = [];
  try {
    for (const tid of fs17.readdirSync(`${proc.root}/${pid}/task`)) {
      try {
        const text = fs17.readFileSync(`${proc.root}/${pid}/task/${tid}/children`, "utf8");
        for (const c of text.trim().split(/\s+/)) if (c) out.push(Number(c));
      } catch {
      }
    }
  } catch {
  }
  return out;
}
function signalDispositions(proc) {
  let status;
  try {
    status = fs17.readFileSync(`${proc.root}/${proc.pid}/status`, "utf8");
  } catch {
    return void 0;
  }
  const mask = (name) => /^[0-9a-f]+$/i.exec(new RegExp(`^${name}:\\s*([0-9a-fA-F]+)$`, "m").exec(status)?.[1] ?? "")?.[0];
  const cgt = mask("SigCgt");
  const ign = mask("SigIgn");
  if (cgt === void 0 || ign === void 0) return void 0;
  return { caught: signalNames(cgt), ignored: signalNames(ign) };
}
function signalNames(hex) {
  const bits = BigInt(`0x${hex}`);
  const byNumber = /* @__PURE__ */ new Map();
  for (const [name, n] of Object.entries(constants.signals)) if (!byNumber.has(n) && name !== "SIGIOT" && name !== "SIGPOLL") byNumber.set(n, name);
  const out = [];
  for (let n = 1; n <= 64; n++) {
    if ((bits >> BigInt(n - 1) & 1n) === 0n) continue;
    out.push(byNumber.get(n) ?? (n >= 34 ? `SIGRTMIN+${n - 34}` : `SIG${n}`));
  }
  return out;
}
function processArgv(proc, pid = proc.pid) {
  let raw;
  try {
    raw = fs17.readFileSync(`${proc.root}/${pid}/cmdline`, "latin1");
  } catch {
    return void 0;
  }
  const parts = raw.split("\0");
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  if (parts.length === 0) return void 0;
  if (parts.length === 1 && /\s/.test(parts[0])) return parts[0].trim().split(/\s+/);
  return parts;
}

// src/runtime/probe.ts
import fs19 from "node:fs";
import { constants as constants2 } from "node:os";
import path23 from "node:path";

// src/runtime/process-name.ts
import path22 from "node:path";
var STANDARD_PATH = DEFAULT_PATH;
function displayArgv(argv, pathDirs = STANDARD_PATH) {
  const [interp, script] = argv;
  if (interp === void 0 || script === void 0) return argv;
  if (interpreterOf(interp) === void 0 && knownProgram(interp)?.role !== "shell") return argv;
  if (!script.startsWith("/")) return argv;
  const dir = path22.posix.dirname(script);
  const name = pathDirs.includes(dir) || STANDARD_PATH.includes(dir) ? path22.posix.basename(script) : script;
  return [name, ...argv.slice(2)];
}
function displayName(argv, pathDirs) {
  return displayArgv(argv, pathDirs).join(" ");
}

// src/runtime/readiness.ts
var TICK_MS = 200;
var QUIET_MS = 1e3;
var QUIET_TICKS = 2;
var INSPECT_MS2 = 1e3;
var FALLBACK_SECONDS = 5;
async function waitReady(req) {
  if (req.readyLog) return waitForLog(req, req.readyLog);
  if (req.readyCmd) return waitForCmd(req, req.readyCmd);
  const proc = hostProc(req.hostPid, req.id);
  const bound = proc || req.healthcheck ? req.boundSeconds : Math.min(req.boundSeconds, FALLBACK_SECONDS);
  const samples = [];
  let lastInspect = 0;
  for (; ; ) {
    const now = Date.now();
    const elapsed = now - req.startedAt;
    if (proc) {
      const cpu = treeCpu(proc);
      if (cpu === void 0) return ready(req, "exited", "PID 1 exited");
      const listening = req.ownNetns ? listeningSockets(proc) : [];
      if (listening.length > 0) return ready(req, "listening", `listening on ${describeListeners(listening)}`);
      samples.push({ t: now, ...cpu });
      while (samples.length > 2 && samples[1].t <= now - QUIET_MS) samples.shift();
      const quiet = quietSince(samples, now);
      if (quiet) return ready(req, "quiet", `process tree idle for ${QUIET_MS / 1e3} s (CPU time ${(cpu.ticks / 100).toFixed(2)} s)`);
    }
    if (!proc || req.healthcheck) {
      if (now - lastInspect >= (proc ? INSPECT_MS2 : 500)) {
        lastInspect = now;
        const state = await containerState(req.id);
        if (state && !state.running) return ready(req, "exited", `exited with code ${state.exitCode}`);
        if (state?.health === "healthy") return ready(req, "healthcheck", "HEALTHCHECK reported healthy");
      }
    }
    if (elapsed >= bound * 1e3) {
      if (bound < req.boundSeconds) return ready(req, "fixed", `no readiness signal can be observed here (no local /proc, no HEALTHCHECK): stop signal sent after ${bound} s`);
      return ready(req, "timeout", `not ready within ${bound} s: stop signal sent anyway`);
    }
    await sleep(Math.min(TICK_MS, Math.max(10, bound * 1e3 - elapsed)));
  }
}
function ready(req, by, detail) {
  return { by, seconds: round((Date.now() - req.startedAt) / 1e3), detail };
}
function quietSince(samples, now) {
  let from = -1;
  samples.forEach((s, i) => {
    if (s.t <= now - QUIET_MS) from = i;
  });
  const last = samples[samples.length - 1];
  if (from < 0 || !last) return false;
  const window = samples.slice(from);
  return last.ticks - window[0].ticks <= QUIET_TICKS && window.filter((s) => s.runnable).length <= 1;
}
function describeListeners(list2) {
  const names = [...new Set(list2.map((l) => l.proto === "unix" ? `unix ${l.address}` : `${l.proto} ${l.address}`))];
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
}
async function waitForLog(req, re) {
  let buffer = "";
  let matched = "";
  const res = await docker(["logs", "-f", req.id], {
    timeoutMs: Math.max(0, req.boundSeconds * 1e3 - (Date.now() - req.startedAt)),
    maxStdoutBytes: 1024 * 1024,
    onOutput: (chunk) => {
      buffer = (buffer + chunk).slice(-64 * 1024);
      matched ||= buffer.split("\n").find((l) => re.test(l)) ?? "";
      return matched !== "";
    }
  });
  if (matched) return ready(req, "log", `log line matched ${String(re)}`);
  if (!res.timedOut) return ready(req, "exited", "the log stream ended (the container exited)");
  return ready(req, "timeout", `not ready within ${req.boundSeconds} s: --ready-log ${String(re)} did not match, stop signal sent anyway`);
}
async function waitForCmd(req, cmd) {
  let last = "";
  for (; ; ) {
    const left = req.boundSeconds * 1e3 - (Date.now() - req.startedAt);
    if (left <= 0) return ready(req, "timeout", `not ready within ${req.boundSeconds} s: --ready-cmd \`${cmd}\` did not exit 0${last ? ` (last: ${last})` : ""}, stop signal sent anyway`);
    const res = await docker(["exec", req.id, "/bin/sh", "-c", cmd], { timeoutMs: Math.max(1e3, left), maxStdoutBytes: 64 * 1024 });
    if (res.code === 0) return ready(req, "cmd", `--ready-cmd \`${cmd}\` exited 0`);
    const state = await containerState(req.id);
    if (state && !state.running) return ready(req, "exited", `exited with code ${state.exitCode}`);
    last = res.timedOut ? "timed out" : `exit ${res.code}${res.stderr.trim() ? `: ${res.stderr.trim().split("\n")[0].slice(0, 120)}` : ""}`;
    await sleep(CMD_RETRY_MS);
  }
}
var CMD_RETRY_MS = 250;
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/runtime/healthcheck.ts
var EXEC_MISSING = /executable file not found in \$PATH|exec: "[^"]*": (?:stat [^:]*: )?no such file or directory/;
var SHELL_MISSING = /(?:^|\n)(?:[^\n:]*: (?:\d+: |line \d+: )?)?([\w.+-]+): (?:command )?not found/;
var RETRY_MS = 1e3;
var GIVE_UP_MS = 5e3;
async function checkHealth(req) {
  const { health } = req;
  const factor = req.emulated ? 3 : 1;
  const t0 = Date.now();
  const dockerDeadline = req.startedAt + (health.startPeriod + health.retries * health.interval) * 1e3;
  const judgeable = req.serving && dockerDeadline <= req.until;
  const giveUpAt = Math.min(req.until, t0 + GIVE_UP_MS * factor);
  let runs = 0;
  let last = { code: null, output: "" };
  const done = (o) => ({ ...o, exitCode: last.code, runs, seconds: round((Date.now() - t0) / 1e3) });
  for (; ; ) {
    runs++;
    const res = await docker(["exec", req.id, ...health.argv], { timeoutMs: (health.timeout * factor + 5) * 1e3, maxStdoutBytes: 64 * 1024 });
    const output = `${res.stdout}
${res.stderr}`.trim();
    last = { code: res.timedOut ? null : res.code, output: res.timedOut ? `no answer within ${health.timeout * factor} s` : output };
    if (!res.timedOut && res.code === 0) return done({ status: "healthy" });
    const program = missingProgram(res.code, output, health);
    if (program) return done({ status: "missing", hit: missingHit(req, program, last.output) });
    const now = Date.now();
    if (judgeable && now >= dockerDeadline) return done({ status: "unhealthy", hit: neverHealthyHit(req, runs, last) });
    if (!judgeable && now + RETRY_MS >= giveUpAt) {
      const why2 = req.serving ? `its start period + retries allow ${round((dockerDeadline - req.startedAt) / 1e3)} s` : `the service was not seen serving (${truncate(req.readyDetail, 60)})`;
      const note = `The HEALTHCHECK \`${truncate(health.text, 80)}\` had not passed when the probe stopped waiting (${runs} run(s), last exit ${last.code ?? "timeout"}${last.output ? `: \`${truncate(oneLine(last.output), 120)}\`` : ""}); ${why2}, so it was not judged.`;
      return done({ status: "unjudged", note });
    }
    await new Promise((r) => setTimeout(r, judgeable ? Math.max(10, Math.min(RETRY_MS, dockerDeadline - now)) : RETRY_MS));
  }
}
function missingProgram(code2, output, health) {
  if ((code2 === 126 || code2 === 127) && EXEC_MISSING.test(output)) return health.argv[0];
  const shell = SHELL_MISSING.exec(output);
  if (shell && code2 !== 0 && (code2 === 127 || health.text.includes(shell[1]))) return shell[1];
  return void 0;
}
function oneLine(s) {
  return s.split("\n").map((l) => l.trim()).filter(Boolean).join(" / ");
}
function missingHit(req, program, output) {
  const name = program.split("/").pop();
  return {
    rule: "healthcheck-broken",
    message: `On {platforms} the HEALTHCHECK \`${truncate(req.health.text, 100)}\` can never pass: \`${name}\` is not in the image ({detail}), so Docker marks every container unhealthy.`,
    detail: `\`${truncate(oneLine(output), 160)}\``,
    fix: `Install ${name} in the final stage, or check with a program the image has (e.g. \`node -e "require('http').get('http://127.0.0.1:PORT/', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"\`, \`python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:PORT/')"\`, BusyBox \`wget -q --spider\`).`
  };
}
function neverHealthyHit(req, runs, last) {
  const h = req.health;
  const code2 = last.code === null ? "timed out" : `exited ${last.code}`;
  const odd = last.code !== null && last.code !== 1 ? ` (Docker reserves exit code 2 and expects 0 for healthy, 1 for unhealthy)` : "";
  return {
    rule: "healthcheck-broken",
    message: `On {platforms} the HEALTHCHECK \`${truncate(h.text, 100)}\` never passed while the service was up (${truncate(req.readyDetail, 60)}): ${runs} runs within its start period + retries (${h.startPeriod} s + ${h.retries} \xD7 ${h.interval} s), the last {detail}${odd}, so Docker marks every container unhealthy.`,
    detail: `${code2}${last.output ? `: \`${truncate(oneLine(last.output), 160)}\`` : ""}`,
    fix: "Run the check by hand in a running container (`docker exec <container> <check>`) and point it at what the service really serves (address, port, path); give a slow start a `--start-period`."
  };
}

// src/runtime/zombies.ts
import fs18 from "node:fs";
var ZOMBIE_MS = 100;
var POLL_MS = 25;
var ORPHAN = '(sleep 0 >/dev/null 2>&1 & echo "$!")';
async function checkZombies(req) {
  const proc = hostProc(req.hostPid, req.id);
  if (!proc) return void 0;
  const factor = req.emulated ? 3 : 1;
  const t0 = Date.now();
  const res = await docker(["exec", req.id, "/bin/sh", "-c", ORPHAN], { timeoutMs: 2e4 * factor, maxStdoutBytes: 4096 });
  const orphanPid = Number(res.stdout.trim());
  if (res.code !== 0 || !Number.isInteger(orphanPid) || orphanPid <= 1) return void 0;
  const deadline = Date.now() + 1500 * factor;
  let zombieSince;
  let sleptSince = false;
  for (; ; ) {
    const now = Date.now();
    const orphan = childStates(proc).find((c) => c.nsPid === orphanPid);
    const zombie = orphan?.state === "Z";
    if (zombie) {
      zombieSince ??= now;
      if (processState(proc) !== "R") sleptSince = true;
    } else {
      zombieSince = void 0;
      sleptSince = false;
    }
    if (zombieSince !== void 0 && sleptSince && now - zombieSince >= ZOMBIE_MS * factor) {
      return { reaped: false, seconds: round((now - t0) / 1e3) };
    }
    if (!orphan) return { reaped: true, seconds: round((now - t0) / 1e3) };
    if (now >= deadline) return { reaped: !zombie, seconds: round((now - t0) / 1e3) };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
function processState(proc) {
  try {
    const stat = fs18.readFileSync(`${proc.root}/${proc.pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return void 0;
  }
}
function zombieHit(pid1) {
  return {
    rule: "zombies-not-reaped",
    message: `On {platforms} PID 1 \`${pid1}\` does not reap orphaned child processes: a child left behind by a \`docker exec\` stayed a zombie (state Z in /proc, parent PID 1), so every orphan (a health check's grandchild, a crashed worker's children, a \`sh -c\` helper) keeps its PID until the PID limit is reached and forks fail.`,
    fix: 'Run an init as PID 1 that reaps: `docker run --init`, Compose `init: true`, or in the image `ENTRYPOINT ["tini", "--"]` (Debian/Alpine package `tini`) or `dumb-init`.'
  };
}

// src/runtime/stop-signal.ts
function processName(argv) {
  const first = (argv[0] ?? "").split(/\s/)[0];
  const script = argv[1];
  return interpreterOf(first) && script && !script.startsWith("-") ? script : first;
}
function daemonOf(argv) {
  const name = processName(argv);
  return stopSignalsOf(name, argv.slice(argv.indexOf(name) + 1));
}
function judgeStopSignal(facts) {
  const { signal, top } = facts;
  if (!top) return void 0;
  const expected = facts.expectedProgram !== void 0 ? stopSignalsOf(facts.expectedProgram, facts.expectedArgs) : void 0;
  if (facts.expectedProgram !== void 0 && !expected) return void 0;
  const init = knownProgram(processName(top.argv))?.role === "init";
  const receivers = init ? top.children : [top.argv];
  const receiver = receivers.find((argv) => {
    const s = daemonOf(argv);
    return s !== void 0 && (expected === void 0 || s === expected);
  });
  if (!receiver) return void 0;
  const daemon = daemonOf(receiver);
  if (!daemon.abortive.includes(signal)) return void 0;
  const how = init ? `through the init \`${top.display.split(" ")[0]}\`, which forwards it` : "as PID 1";
  const set = facts.stopSignalAt ? `Change STOPSIGNAL to ${daemon.graceful}` : `Add \`STOPSIGNAL ${daemon.graceful}\` to the final stage`;
  return {
    rule: "stop-signal-not-graceful",
    ...facts.stopSignalAt ? { file: facts.stopSignalAt.file, range: facts.stopSignalAt.range } : {},
    message: `On {platforms} the stop signal ${signal} reaches ${daemon.name} ${how}, and ${daemon.name} treats ${signal} as a fast stop: ${daemon.why} (${daemon.source}). Every deploy and scale-down cuts off the requests in flight.`,
    fix: `${set} (Compose: \`stop_signal: ${daemon.graceful}\`). Kubernetes sends SIGTERM whatever the image says: add a preStop hook that sends ${daemon.graceful} to PID 1 (\`kill -s ${daemon.graceful.replace(/^SIG/, "")} 1\`) and waits, within terminationGracePeriodSeconds.`
  };
}

// src/runtime/probe.ts
var CALL_MS2 = 2e4;
var EMULATION_FACTOR = 3;
var RUN_MS = 9e4;
var LOG_LINES = 5;
var LIMITS = [["--cpus", "1"], ["--memory", "512m"], ["--pids-limit", "256"]];
var unsupportedLimits = /* @__PURE__ */ new Set();
function runArgs(req) {
  const { options, cleanup } = req;
  const args = ["run", "-d", "--platform", req.platform, "--network", options.probeNetwork, ...cleanup.labelArgs(), "--log-driver", "json-file", "--log-opt", "max-size=5m"];
  for (const limit of LIMITS) if (!unsupportedLimits.has(limit[0])) args.push(...limit);
  for (const [k, v] of Object.entries(options.probeEnv)) args.push("-e", `${k}=${v}`);
  args.push(req.image);
  return args;
}
function startProbe(req) {
  return startContainer(req).then((s) => "id" in s ? { ...s, at: Date.now() } : s);
}
async function abandonProbe(start, cleanup) {
  const s = await start;
  if (!("id" in s)) return;
  const res = await docker(["rm", "-f", "-v", s.id], { timeoutMs: CALL_MS2 });
  if (res.code === 0) cleanup.forgetContainer(s.id);
}
async function probe2(req, start = startProbe(req)) {
  const { options, config, cleanup } = req;
  const signal = normalizeSignal(config.stopSignal);
  const started = await start;
  if ("error" in started) {
    const error = started.error;
    if (isMissingEmulator(error)) return { hits: [], unavailable: error };
    return { hits: [exitedOnStart(null, [error], req.config, true)] };
  }
  const id = started.id;
  const startedAt = started.at;
  const initial = await containerState(id);
  const bound = round(options.startupWait * (req.emulated ? EMULATION_FACTOR : 1));
  const ownNetns = !/^(?:host|container:)/.test(options.probeNetwork);
  const ready2 = await waitReady({ id, hostPid: initial?.pid, readyLog: options.readyLog, ...options.readyCmd ? { readyCmd: options.readyCmd } : {}, boundSeconds: bound, healthcheck: config.healthcheck, startedAt, ownNetns });
  let state = await containerState(id);
  if (state && !state.running) {
    return await exitedEarly(id, state, startedAt, req);
  }
  const notes = options.readyLog && ready2.by === "timeout" ? [`--ready-log ${String(options.readyLog)} did not match within ${bound} s on ${req.platform}; the stop signal was sent anyway.`] : [];
  if (options.readyCmd && !options.readyLog && ready2.by === "timeout") notes.push(`--ready-cmd \`${options.readyCmd}\` did not exit 0 within ${bound} s on ${req.platform}; the stop signal was sent anyway.`);
  const [top, checked] = await Promise.all([pid1Of(id, state?.pid, config.path), afterReady(req, id, state?.pid, startedAt, startedAt + bound * 1e3, ready2)]);
  if (checked.zombie) checked.hits.push(zombieHit(truncate(top?.display ?? "PID 1", 80)));
  const proc = req.emulated ? void 0 : hostProc(state?.pid, id);
  const pid1Signals = proc ? signalDispositions(proc) : void 0;
  const appSignals = proc && top ? handOverSignals(proc, top, config.path) : void 0;
  const notGraceful = judgeStopSignal({ signal: signal.name, top, ...req.expectedProgram !== void 0 ? { expectedProgram: req.expectedProgram, expectedArgs: req.expectedArgs ?? [] } : {}, ...req.stopSignalAt ? { stopSignalAt: req.stopSignalAt } : {} });
  if (notGraceful) checked.hits.push(notGraceful);
  notes.push(...checked.notes);
  const named = { ...top ? { pid1: top.display, pid1Argv: top.argv } : {}, ...pid1Signals ? { pid1Signals } : {}, ...appSignals ? { appSignals } : {}, ...checked.results };
  const waiter = waitExit(id, (options.gracePeriod + 60) * 1e3);
  const t0 = Date.now();
  let kill = await docker(["kill", "-s", signal.name, id], { timeoutMs: CALL_MS2 });
  if (kill.code !== 0) {
    state = await containerState(id);
    if (state && !state.running) return { ...await exitedEarly(id, state, startedAt, req), ...named, ready: ready2, notes };
    if (signal.number !== void 0) kill = await docker(["kill", "-s", String(signal.number), id], { timeoutMs: CALL_MS2 });
    if (kill.code !== 0) {
      await docker(["kill", "-s", "KILL", id], { timeoutMs: CALL_MS2 });
      notes.push(`The shutdown probe on ${req.platform} could not send ${signal.name}: ${firstErrorLine(kill.stderr) || "docker kill failed"}.`);
      return { hits: [], ...named, ready: ready2, notes };
    }
  }
  let killed = false;
  const graceMs = options.gracePeriod * 1e3;
  const grace = timer(Math.max(0, graceMs - (Date.now() - t0)));
  const first = await Promise.race([waiter.then(() => "exited"), grace.done.then(() => "grace")]);
  grace.cancel();
  let pid1SignalsAfter;
  if (first === "grace") {
    killed = true;
    if (proc && pid1Signals?.caught.includes(signal.name)) pid1SignalsAfter = signalDispositions(proc);
    await docker(["kill", "-s", "KILL", id], { timeoutMs: CALL_MS2 });
  }
  const exitCode = await waiter;
  const seconds2 = round((Date.now() - t0) / 1e3);
  const shutdown = { signal: signal.name, seconds: killed ? round(Math.max(seconds2, options.gracePeriod)) : seconds2, exitCode, killed };
  const hits = [...checked.hits, ...judgeShutdown({ shutdown, signal, top, gracePeriod: options.gracePeriod, confirms: req.confirms, emulated: req.emulated, pid1Signals, pid1SignalsAfter, appSignals })];
  return { hits, ...named, ready: ready2, shutdown, notes };
}
var SERVING = ["listening", "log", "cmd"];
async function afterReady(req, id, hostPid, startedAt, until, ready2) {
  const health = req.config.health;
  const runHealth = health && ready2.by !== "healthcheck" && ready2.by !== "exited";
  const [h, z] = await Promise.all([
    runHealth ? checkHealth({ id, health, startedAt, until, emulated: req.emulated, readyDetail: ready2.detail, serving: SERVING.includes(ready2.by) }) : void 0,
    req.hasShell === false ? void 0 : checkZombies({ id, hostPid, emulated: req.emulated })
  ]);
  const hits = [];
  const notes = [];
  const results = {};
  if (h) {
    if (h.hit) hits.push(h.hit);
    if (h.note) notes.push(`${h.note.replace(/\.$/, "")} on ${req.platform}.`);
    results.health = { status: h.status, exitCode: h.exitCode, runs: h.runs, seconds: h.seconds };
  } else if (health && ready2.by === "healthcheck") {
    results.health = { status: "healthy", exitCode: 0, runs: 0, seconds: 0 };
  }
  if (z) results.zombies = { reaped: z.reaped, seconds: z.seconds };
  return { hits, notes, results, zombie: z?.reaped === false };
}
async function waitExit(id, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const waited = await docker(["wait", id], { timeoutMs });
  const code2 = Number.parseInt(waited.stdout.trim(), 10);
  if (waited.code === 0 && Number.isFinite(code2)) return code2;
  while (Date.now() < deadline) {
    const state = await containerState(id);
    if (!state) return null;
    if (!state.running) return state.exitCode;
    await sleep2(100);
  }
  return null;
}
async function startContainer(req) {
  for (let attempt = 0; attempt <= LIMITS.length; attempt++) {
    const res = await docker(runArgs(req), { timeoutMs: RUN_MS });
    const id = /^[0-9a-f]{12,64}$/m.exec(res.stdout)?.[0];
    if (id) req.cleanup.container(id);
    if (res.code === 0 && id) return { id };
    const error = firstErrorLine(res.stderr) || (res.timedOut ? `docker run did not answer within ${RUN_MS / 1e3} s` : "docker run failed");
    const limit = LIMITS.find((l) => !unsupportedLimits.has(l[0]) && limitUnsupported(l[0], res.stderr));
    if (!limit) return { error };
    unsupportedLimits = /* @__PURE__ */ new Set([...unsupportedLimits, limit[0]]);
    if (id) await docker(["rm", "-f", id], { timeoutMs: CALL_MS2 });
  }
  return { error: "docker run failed" };
}
function limitUnsupported(flag, stderr) {
  const s = stderr.toLowerCase();
  if (!/does not support|not supported|no such file/.test(s) || !/kernel|cgroup/.test(s)) return false;
  if (flag === "--cpus") return /cpu|cfs|nanocpus/.test(s);
  if (flag === "--memory") return /memory/.test(s);
  return /pids/.test(s);
}
function firstErrorLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l && !/^WARNING:|^Run 'docker run --help'/.test(l));
  return (lines[0] ?? "").replace(/^docker: /, "").replace(/^Error response from daemon: /, "");
}
async function exitedEarly(id, state, startedAt, req) {
  const ran = Date.parse(state.finishedAt) - Date.parse(state.startedAt);
  const seconds2 = round((Number.isFinite(ran) && ran >= 0 ? ran : Date.now() - startedAt) / 1e3);
  if (state.exitCode === 0 && !state.oomKilled) return { hits: [], oneShot: { exitCode: 0, seconds: seconds2 } };
  const logs = await lastLogLines(id, LOG_LINES);
  if (isMissingEmulator(logs.join("\n")) || isMissingEmulator(state.error)) return { hits: [], unavailable: logs.find((l) => isMissingEmulator(l)) ?? state.error };
  const hit5 = exitedOnStart(state.exitCode, logs, req.config, false, state.oomKilled);
  return { hits: [hit5] };
}
async function lastLogLines(id, n) {
  const res = await docker(["logs", "--timestamps", "--tail", String(n * 4), id], { timeoutMs: CALL_MS2, maxStdoutBytes: 1024 * 1024 });
  const stamped = (res.stdout + "\n" + res.stderr).split("\n").map((l) => /^(\d{4}-\d\d-\d\dT[\d:.]+Z) ?(.*)$/.exec(l.replace(/\r$/, ""))).filter((m) => m !== null && m[2].trim() !== "");
  stamped.sort((a, b) => a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  return stamped.map((m) => m[2].trimEnd()).slice(-n);
}
var WANTS_CONFIG = /\b(?:must (?:be )?(?:set|specif|provid|defin)|(?:is|are) (?:not set|unset|required|missing|empty|undefined)|required (?:env|environment|variable|setting|config)|missing (?:env|environment|required|variable|config|setting)|environment variable|no (?:password|secret|database url|config))/i;
function exitedOnStart(exitCode, logs, config, daemonError, oom = false) {
  const quoted = logs.length > 0 ? `: ${logs.map((l) => `\`${truncate(l.trim(), 160)}\``).join(" ")}` : " without any output";
  const how = daemonError ? "could not start" : oom ? `was killed for exceeding the probe's 512 MB memory limit (exit ${exitCode})` : `exited with code ${exitCode} before the stop signal`;
  const wantsConfig = logs.some((l) => WANTS_CONFIG.test(l));
  const start = [...config.entrypoint, ...config.cmd].join(" ");
  let fix;
  if (wantsConfig) fix = "The logs ask for configuration: pass what a real deployment sets with `--probe-env KEY=VALUE` (repeatable), or give the image a working default.";
  else if (daemonError) fix = `Make the start command \`${truncate(start, 80)}\` exist and be executable in the image, then check it with \`docker run --rm <image>\`.`;
  else fix = `Run \`docker run --rm <image>\` to see the crash and fix the start command \`${truncate(start, 80)}\`; if it needs configuration to start, pass it with \`--probe-env KEY=VALUE\`.`;
  return { rule: "exited-on-start", message: `On {platforms} the container ${how}${quoted}.`, fix };
}
function handOverSignals(proc, top, pathDirs) {
  if (!isShell(top.argv) || !top.childPids) return void 0;
  const apps = appChildren(top);
  if (apps.length === 0) return void 0;
  const pid = top.childPids[top.children.indexOf(apps[0])];
  if (pid === void 0) return void 0;
  const child = { pid, root: proc.root };
  const dispositions = signalDispositions(child);
  if (!dispositions) return void 0;
  const argv = processArgv(child) ?? apps[0];
  return { process: displayName(stripEmulator(argv), pathDirs), ...dispositions };
}
async function pid1Of(id, hostPid, pathDirs) {
  const res = await docker(["top", id, "-eo", "pid,ppid,args"], { timeoutMs: CALL_MS2 });
  if (res.code !== 0) return void 0;
  const top = parseTop(res.stdout, hostPid, pathDirs);
  const proc = hostProc(hostPid, id);
  const exact = proc ? processArgv(proc) : void 0;
  if (!top || !exact) return top;
  const argv = stripEmulator(exact);
  return { ...top, argv, display: displayName(argv, pathDirs) };
}
function parseTop(output, hostPid, pathDirs) {
  const rows = output.split("\n").slice(1).map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter((m) => m !== null).map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), argv: stripEmulator(m[3].trim().split(/\s+/)) }));
  if (rows.length === 0) return void 0;
  const pids = new Set(rows.map((r) => r.pid));
  const init = rows.find((r) => r.pid === hostPid) ?? rows.find((r) => !pids.has(r.ppid)) ?? rows[0];
  const kids = rows.filter((r) => r.ppid === init.pid);
  return { argv: init.argv, display: displayName(init.argv, pathDirs), children: kids.map((r) => r.argv), childPids: kids.map((r) => r.pid) };
}
function stripEmulator(argv) {
  const interp = argv[0] ?? "";
  if (!/qemu|binfmt/.test(path23.posix.basename(interp))) return argv;
  const preserve = /binfmt-P$/.test(interp) || preservesArgv0(interp) || argv.length >= 3 && path23.posix.basename(argv[1]) === path23.posix.basename(argv[2]);
  return preserve ? argv.slice(2) : argv.slice(1);
}
var binfmtFlags = /* @__PURE__ */ new Map();
function preservesArgv0(interpreter) {
  if (binfmtFlags.size === 0) {
    try {
      for (const name of fs19.readdirSync("/proc/sys/fs/binfmt_misc")) {
        const text = fs19.readFileSync(path23.join("/proc/sys/fs/binfmt_misc", name), "utf8");
        const interp = /^interpreter (.*)$/m.exec(text)?.[1];
        const flags = /^flags: (.*)$/m.exec(text)?.[1] ?? "";
        if (interp) binfmtFlags.set(interp, flags.includes("P"));
      }
    } catch {
    }
    if (binfmtFlags.size === 0) binfmtFlags.set("", false);
  }
  return binfmtFlags.get(interpreter) === true;
}
function commandName(argv) {
  const first = path23.posix.basename(argv[0] ?? "");
  if (first === "busybox" && argv[1] && !argv[1].startsWith("-")) return path23.posix.basename(argv[1]);
  return first;
}
function isShell(argv) {
  const name = commandName(argv);
  return name !== "busybox" && knownProgram(name)?.role === "shell";
}
function isPackageManager(argv) {
  const name = commandName(argv).replace(/\.c?js$/, "");
  if (knownProgram(name)?.role === "package-manager") return true;
  if (/^node(js)?$/.test(name) && argv[1]) {
    const script = argv[1];
    return /(?:^|\/)(?:npm|npx|yarn|pnpm|npm-cli|npx-cli|yarn\.js|pnpm\.cjs)(?:\.c?js)?$/.test(script) || /\/node_modules\/(?:npm|yarn|pnpm|corepack)\//.test(script);
  }
  return false;
}
function appChildren(top) {
  const self = top.argv.join("\0");
  return top.children.filter((c) => commandName(c) !== "sleep" && c.join("\0") !== self);
}
function normalizeSignal(raw) {
  const s = raw.trim().toUpperCase();
  const sigs = constants2.signals;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    const name2 = Object.keys(sigs).find((k) => sigs[k] === n && k !== "SIGIOT" && k !== "SIGPOLL");
    return { name: name2 ?? s, number: n };
  }
  const name = s.startsWith("SIG") ? s : `SIG${s}`;
  const rt = /^SIGRT(MIN|MAX)([+-]\d+)?$/.exec(name);
  if (rt) return { name, number: (rt[1] === "MIN" ? 34 : 64) + Number(rt[2] ?? 0) };
  return { name, number: sigs[name] };
}
function confirmsText(ids2) {
  if (!ids2 || ids2.length === 0) return "";
  return ` (confirms ${ids2.join(" and ")})`;
}
var EMULATED_TIMING = "{platforms} ran emulated (QEMU): that verdict rests on timing alone, and a program that installs its handler late under emulation's slowdown can be misjudged; confirm on real hardware if the app handles the signal (a matrix job on `ubuntu-24.04-arm` runs linux/arm64 natively).";
function judgeShutdown(facts) {
  const { shutdown, signal, top, gracePeriod, confirms, emulated, pid1Signals, pid1SignalsAfter, appSignals } = facts;
  const hits = [];
  const sig = signal.name;
  const expected = signal.number !== void 0 ? 128 + signal.number : void 0;
  const okCode = shutdown.exitCode === 0 || expected !== void 0 && shutdown.exitCode === expected;
  const clean = !shutdown.killed && okCode;
  const pid1 = top ? `\`${truncate(top.display, 80)}\`` : "PID 1";
  const apps = top ? appChildren(top) : [];
  const shellParent = top !== void 0 && isShell(top.argv) && apps.length > 0;
  const child = shellParent ? `\`${truncate(displayName(apps[0]), 60)}\`` : "";
  const shellName2 = top !== void 0 && top.display !== top.argv.join(" ") ? `shell script ${pid1}` : `shell ${pid1}`;
  const childEvidence = shellParent && appSignals ? appSignals.caught.includes(sig) ? ` (\`${truncate(appSignals.process, 60)}\` has a ${sig} handler, per the kernel's SigCgt for it: it would shut down cleanly if it received the signal)` : ` (and \`${truncate(appSignals.process, 60)}\` installs no ${sig} handler either, per the kernel's SigCgt for it)` : "";
  if (shutdown.killed) {
    const oneShot = pid1Signals?.caught.includes(sig) === true && pid1SignalsAfter !== void 0 && !pid1SignalsAfter.caught.includes(sig);
    const handled = pid1Signals?.caught.includes(sig) === true && !oneShot;
    const why2 = shellParent ? `the ${shellName2} is PID 1 and never passed ${sig} on to ${child}${childEvidence}` : emulated ? `${pid1} is PID 1 and did not act on it (under QEMU a PID 1 without a handler is left waiting in sigsuspend; natively the kernel drops the signal)` : pid1Signals?.ignored.includes(sig) ? `${pid1} is PID 1 and sets ${sig} to be ignored (the kernel lists it in PID 1's SigIgn)` : oneShot ? `${pid1} is PID 1 and installs no handler of its own for ${sig}: the one in the kernel's SigCgt for PID 1 was the runtime's one-shot default (gone from SigCgt once the signal arrived), which re-raises ${sig}, and the kernel drops that for PID 1` : handled ? `${pid1} is PID 1 and has a ${sig} handler (the kernel lists it in PID 1's SigCgt), but did not exit within the grace period` : pid1Signals ? `${pid1} is PID 1 and installs no handler for ${sig} (none in the kernel's SigCgt for PID 1), and the kernel drops unhandled signals to PID 1` : `${pid1} is PID 1, where the kernel drops signals that have no handler`;
    hits.push({
      rule: "sigterm-ignored",
      ...emulated ? { emulatedNote: EMULATED_TIMING } : {},
      message: `On {platforms} the container ignored ${sig} and was SIGKILLed after the ${gracePeriod} s grace period because ${why2}, so every deploy and scale-down kills in-flight work.`,
      fix: handled && !shellParent ? `Make the ${sig} handler finish in-flight work and exit well within the grace period (or raise the orchestrator's grace period to match).` : shellParent ? `Start the app with \`exec\` (in the wrapper: \`exec "$@"\`; in the Dockerfile: exec-form \`CMD ["app", "arg"]\`) so it is PID 1 and receives ${sig} itself.` : `Handle ${sig} in the app (finish in-flight work, then exit), or run it under an init that forwards signals, e.g. \`ENTRYPOINT ["tini", "--"]\`.`
    });
  } else if (shutdown.seconds > gracePeriod / 2) {
    hits.push({
      rule: "slow-shutdown",
      message: `On {platforms} the container took {detail} to exit after ${sig}, more than half the ${gracePeriod} s grace period, so a slower day ends in SIGKILL.`,
      detail: `${shutdown.seconds} s`,
      fix: "Bound the drain on shutdown well below the orchestrator's grace period (Kubernetes terminationGracePeriodSeconds, 30 s by default), or raise that period to match."
    });
  }
  if (!shutdown.killed && !okCode) {
    const want = expected !== void 0 ? `0 or ${expected} (128 + ${sig})` : "0";
    hits.push({
      rule: "unclean-exit",
      message: `On {platforms} the container exited with code {detail} after ${sig} instead of ${want}, so orchestrators and restart policies count every deploy as a crash.`,
      detail: String(shutdown.exitCode),
      fix: `Exit with code 0 after a graceful ${sig} shutdown (e.g. \`trap 'kill -TERM "$child"; wait "$child"; exit 0' TERM\`, or the app's own signal handler).`
    });
  }
  if (shellParent) {
    if (!clean) {
      hits.push({
        rule: "shell-is-pid1",
        message: `On {platforms} PID 1 is the ${shellName2} running ${child} as its child, and the ${sig} shutdown was not clean${confirmsText(confirms?.shellPid1)}.`,
        fix: 'Replace the shell with the app: `exec "$@"` / `exec app` as the wrapper\'s last command, or an exec-form `CMD ["app", "arg"]` instead of a shell-form one.'
      });
    } else {
      hits.push({
        rule: "shell-is-pid1",
        severity: "info",
        message: `On {platforms} PID 1 is the ${shellName2} running ${child} as its child; it handled ${sig} and the container exited cleanly, which keeps working only as long as the trap forwards the signal.`,
        fix: "Prefer `exec`-ing the app so it is PID 1 itself, or keep the shell's trap forwarding the stop signal to the child and waiting for it."
      });
    }
  }
  if (top && isPackageManager(top.argv)) {
    hits.push({
      rule: "package-manager-is-pid1",
      message: `On {platforms} PID 1 is the package manager ${pid1}, which runs the app under \`sh -c\` and does not let it drain gracefully on ${sig}${confirmsText(confirms?.packageManager)}.`,
      fix: 'Start the app directly in exec form, e.g. `CMD ["node", "server.js"]`, instead of `npm start`.'
    });
  }
  return hits;
}
function sleep2(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function timer(ms) {
  let handle;
  const done = new Promise((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(handle) };
}

// src/runtime/args-forwarding.ts
var CALL_MS3 = 2e4;
var REACH_SECONDS = 20;
var MARKER = "entrypoint-guard-args";
var SCRIPT = "sleep${IFS}600;:";
var OVERRIDE = ["sh", "-c", SCRIPT, MARKER, "two words", "", "*"];
function compareArgv(arrived) {
  const want = OVERRIDE;
  if (arrived.length === want.length && arrived.every((w, i) => w === want[i])) return { kind: "intact", argv: arrived };
  if (arrived.some((w) => w !== "two words" && w.includes("two words"))) return { kind: "joined", argv: arrived };
  if (arrived.some((w) => w === "two" || w === "words") || arrived.includes(MARKER)) return { kind: "resplit", argv: arrived };
  return { kind: "dropped", argv: arrived };
}
function shellQuote(argv) {
  return argv.map((w) => /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
}
async function checkArgsForwarding(req) {
  const args = [
    "run",
    "-d",
    "--platform",
    req.platform,
    "--network",
    "none",
    "--read-only",
    "--tmpfs",
    "/tmp",
    "--tmpfs",
    "/run",
    "--cpus",
    "1",
    "--memory",
    "256m",
    "--pids-limit",
    "128",
    ...req.cleanup.labelArgs()
  ];
  for (const [k, v] of Object.entries(req.probeEnv)) args.push("-e", `${k}=${v}`);
  args.push(req.image, ...OVERRIDE);
  const run = await docker(args, { timeoutMs: 6e4 });
  const id = /^[0-9a-f]{12,64}$/m.exec(run.stdout)?.[0];
  if (id) req.cleanup.container(id);
  if (run.code !== 0 || !id) return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: the override did not start (${firstLine(run.stderr) || "docker run failed"}).`] };
  try {
    const started = Date.now();
    const deadline = started + REACH_SECONDS * (req.emulated ? EMULATION_FACTOR : 1) * 1e3;
    for (; ; ) {
      const state = await containerState(id);
      if (!state) return { hits: [], notes: [] };
      const proc = hostProc(state.pid, id);
      if (state.running && !proc) {
        return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: it reads the command's argv from the engine's /proc, which a remote engine does not share.`] };
      }
      if (!state.running) {
        return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: with an override command the container exited (code ${state.exitCode ?? "?"}) before running it${Object.keys(req.probeEnv).length === 0 ? "; pass what it needs with --probe-env" : ""}.`] };
      }
      const argvs = await containerArgvs(id, proc);
      const isWrapper = (a) => a.slice(0, 2).some((w) => path24.posix.basename(w) === req.wrapper);
      const ours = argvs.find((a) => !isWrapper(a) && a.some((w) => w.includes(MARKER) || w.includes(SCRIPT)));
      if (ours) {
        const verdict = compareArgv(ours);
        if (verdict.kind === "intact") return { hits: [], notes: [], arrived: ours };
        return { hits: [hitFor(req, verdict)], notes: [], arrived: ours };
      }
      const pid1 = argvs[0] ?? [];
      if (Date.now() > deadline) {
        if (isWrapper(pid1)) return { hits: [], notes: [`Argument forwarding on ${req.platform} was not checked: ${req.wrapper} was still setting up after ${Math.round((deadline - started) / 1e3)} s.`] };
        return { hits: [hitFor(req, { kind: "dropped", argv: pid1 })], notes: [] };
      }
      await sleep3(250);
    }
  } finally {
    await docker(["rm", "-f", id], { timeoutMs: CALL_MS3 });
  }
}
async function containerArgvs(id, proc) {
  const top = await docker(["top", id, "-eo", "pid"], { timeoutMs: CALL_MS3 });
  const pids = top.stdout.split("\n").slice(1).map((l) => Number.parseInt(l.trim(), 10)).filter((n) => Number.isFinite(n));
  const ordered = [proc.pid, ...pids.filter((p) => p !== proc.pid)];
  const out = [];
  for (const pid of ordered) {
    const argv = processArgv(proc, pid);
    if (argv) out.push(stripEmulator(argv));
  }
  return out;
}
function hitFor(req, verdict) {
  const sent = `\`docker run <image> ${shellQuote(OVERRIDE)}\``;
  const got = verdict.argv.length > 0 ? `\`${shellQuote(verdict.argv)}\`` : "nothing";
  const how = verdict.kind === "dropped" ? `never ran it: the container ran ${got} instead, so \`docker run <image> <command>\` and Compose's \`command:\` are ignored` : verdict.kind === "joined" ? `ran it as ${got}: the arguments were joined into one word (\`"$*"\`), so every multi-word command breaks` : `ran it as ${got}: the arguments were re-split and glob-expanded (unquoted \`$@\`/\`$*\`), so an argument with a space or a \`*\` changes meaning`;
  return {
    rule: "args-not-forwarded",
    message: `On {platforms} ${req.wrapper} was given the override ${sent} and ${how}.`,
    fix: 'End the wrapper with `exec "$@"` (quoted, unchanged), so the command given at `docker run` replaces CMD word for word.',
    ...req.place
  };
}
function firstLine(stderr) {
  return (stderr.split("\n").map((l) => l.trim()).find((l) => l && !/^WARNING:/.test(l)) ?? "").replace(/^docker: /, "").replace(/^Error response from daemon: /, "");
}
function sleep3(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/runtime/progress.ts
var silentProgress = { phase: () => void 0, output: () => void 0, close: () => void 0 };
var LineSplitter = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  partial = /* @__PURE__ */ new Map();
  push(platform, chunk) {
    const text = (this.partial.get(platform) ?? "") + chunk.replace(/\r/g, "");
    const lines = text.split("\n");
    this.partial.set(platform, lines.pop() ?? "");
    for (const line of lines) this.onLine(platform, line);
  }
  flush(platform) {
    const rest = this.partial.get(platform);
    this.partial.delete(platform);
    if (rest) this.onLine(platform, rest);
  }
};
function stepOf(line) {
  const m = /^(#\d+) (\[[^\]]*\d+\/\d+\] .*)$/.exec(line.trim());
  if (!m) return void 0;
  const text = `${m[1]} ${m[2].replace(/\s+/g, " ")}`;
  return text.length > 80 ? `${text.slice(0, 79)}\u2026` : text;
}
var PHASE_LABEL = {
  queued: "queued",
  pulling: "pulling",
  building: "building",
  smoke: "smoke checks",
  probe: "shutdown probe",
  done: "done",
  failed: "failed",
  skipped: "skipped"
};
var StatusLines = class {
  constructor(opts) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.started = this.now();
    for (const platform of opts.platforms) this.rows.set(platform, { platform, phase: "queued", since: this.started });
    if (opts.redraw) {
      this.timer = setInterval(() => this.draw(), 1e3);
      this.timer.unref();
      this.draw();
    }
  }
  opts;
  rows = /* @__PURE__ */ new Map();
  started;
  now;
  drawn = 0;
  timer;
  lines = new LineSplitter((platform, line) => this.onLine(platform, line));
  phase(platform, phase, detail) {
    const row = this.row(platform);
    if (row.phase === phase && row.detail === detail) return;
    row.phase = phase;
    row.since = this.now();
    row.detail = detail;
    if (phase !== "building") row.step = void 0;
    this.changed(row);
  }
  output(platform, chunk) {
    this.lines.push(platform, chunk);
  }
  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = void 0;
    if (this.opts.redraw) this.draw();
  }
  onLine(platform, line) {
    const step = stepOf(line);
    if (!step) return;
    const row = this.row(platform);
    if (row.step === step) return;
    row.step = step;
    this.changed(row);
  }
  row(platform) {
    let row = this.rows.get(platform);
    if (!row) {
      row = { platform, phase: "queued", since: this.now() };
      this.rows.set(platform, row);
    }
    return row;
  }
  changed(row) {
    if (this.opts.redraw) this.draw();
    else this.opts.write(`[${this.clock()}] ${this.text(row)}
`);
  }
  clock() {
    return new Date(this.now()).toISOString().slice(11, 19);
  }
  text(row) {
    const width = Math.max(...[...this.rows.keys()].map((p) => p.length));
    const seconds2 = `${((this.now() - this.started) / 1e3).toFixed(0)}s`;
    const extra = row.step ?? row.detail;
    return `${row.platform.padEnd(width)}  ${PHASE_LABEL[row.phase].padEnd(14)} ${seconds2.padStart(5)}${extra ? `  ${extra}` : ""}`;
  }
  draw() {
    const rows = [...this.rows.values()];
    let out = this.drawn > 0 ? `\x1B[${this.drawn}A` : "";
    for (const row of rows) out += `\r\x1B[2K${this.text(row)}
`;
    this.drawn = rows.length;
    this.opts.write(out);
  }
};
function cliProgress(mode, stderrIsTTY, write) {
  return (platforms) => mode === "quiet" ? silentProgress : new StatusLines({ write, redraw: mode === "auto" && stderrIsTTY, platforms });
}

// src/runtime/smoke.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import path26 from "node:path";

// src/runtime/elf.ts
var EM = { I386: 3, ARM: 40, PPC64: 21, S390: 22, X86_64: 62, AARCH64: 183, RISCV: 243, PPC: 20, MIPS: 8 };
var ARCHES = [
  { platform: "linux/amd64", short: "amd64", class: 64, byteOrder: "little", machine: EM.X86_64 },
  { platform: "linux/arm64", short: "arm64", class: 64, byteOrder: "little", machine: EM.AARCH64 },
  { platform: "linux/arm", short: "arm", class: 32, byteOrder: "little", machine: EM.ARM },
  { platform: "linux/386", short: "386", class: 32, byteOrder: "little", machine: EM.I386 },
  { platform: "linux/ppc64le", short: "ppc64le", class: 64, byteOrder: "little", machine: EM.PPC64 },
  { platform: "linux/s390x", short: "s390x", class: 64, byteOrder: "big", machine: EM.S390 },
  { platform: "linux/riscv64", short: "riscv64", class: 64, byteOrder: "little", machine: EM.RISCV }
];
function platformArch(platform) {
  const [os2 = "", arch = ""] = platform.toLowerCase().split("/");
  if (os2 !== "linux") return void 0;
  const alias = { x86_64: "amd64", aarch64: "arm64", i386: "386", armhf: "arm", armel: "arm" };
  const short = alias[arch] ?? arch;
  return ARCHES.find((a) => a.short === short);
}
function hostArch() {
  const map = { x64: "amd64", arm64: "arm64", arm: "arm", ia32: "386", ppc64: "ppc64le", s390x: "s390x", riscv64: "riscv64" };
  const short = map[process.arch];
  return short ? ARCHES.find((a) => a.short === short) : void 0;
}
function machineName(machine, cls, byteOrder) {
  switch (machine) {
    case EM.X86_64:
      return cls === 32 ? "x32" : "x86-64";
    case EM.AARCH64:
      return cls === 32 ? "ILP32 AArch64" : "AArch64";
    case EM.ARM:
      return "32-bit ARM";
    case EM.I386:
      return "32-bit x86";
    case EM.PPC64:
      return byteOrder === "big" ? "big-endian PowerPC64" : "PowerPC64";
    case EM.PPC:
      return "32-bit PowerPC";
    case EM.S390:
      return cls === 32 ? "31-bit s390" : "s390x";
    case EM.RISCV:
      return cls === 32 ? "RISC-V 32" : "RISC-V 64";
    case EM.MIPS:
      return "MIPS";
    default:
      return `e_machine ${machine}`;
  }
}
function describeElf(elf) {
  const name = machineName(elf.machine, elf.class, elf.byteOrder);
  const usual = ARCHES.find((a) => a.machine === elf.machine);
  return usual && usual.byteOrder !== elf.byteOrder && !name.startsWith("big-endian") ? `${elf.byteOrder}-endian ${name}` : name;
}
function matchesArch(elf, arch) {
  return elf.class === arch.class && elf.byteOrder === arch.byteOrder && elf.machine === arch.machine;
}
function archOfElf(elf) {
  return ARCHES.find((a) => matchesArch(elf, a));
}
function isElf(bytes) {
  return bytes.length >= 4 && bytes[0] === 127 && bytes[1] === 69 && bytes[2] === 76 && bytes[3] === 70;
}
var PT_INTERP = 3;
function parseElf(input) {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isElf(buf) || buf.length < 52) return void 0;
  const cls = buf[4] === 1 ? 32 : buf[4] === 2 ? 64 : void 0;
  const byteOrder = buf[5] === 1 ? "little" : buf[5] === 2 ? "big" : void 0;
  if (!cls || !byteOrder) return void 0;
  if (cls === 64 && buf.length < 64) return void 0;
  const le = byteOrder === "little";
  const u16 = (o) => le ? buf.readUInt16LE(o) : buf.readUInt16BE(o);
  const u32 = (o) => le ? buf.readUInt32LE(o) : buf.readUInt32BE(o);
  const u64 = (o) => {
    const v = le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  };
  const info = { class: cls, byteOrder, type: u16(16), machine: u16(18), incomplete: false };
  const phoff = cls === 64 ? u64(32) : u32(28);
  const phentsize = u16(cls === 64 ? 54 : 42);
  const phnum = u16(cls === 64 ? 56 : 44);
  const minEnt = cls === 64 ? 56 : 32;
  if (phnum === 0 || phoff === 0) return info;
  if (phentsize < minEnt || phnum === 65535) return info;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + minEnt > buf.length) {
      info.incomplete = true;
      return info;
    }
    if (u32(at) !== PT_INTERP) continue;
    const offset = cls === 64 ? u64(at + 8) : u32(at + 4);
    const size = cls === 64 ? u64(at + 32) : u32(at + 16);
    if (size === 0 || size > 4096) return info;
    if (offset + size > buf.length) {
      info.incomplete = true;
      return info;
    }
    const raw = buf.subarray(offset, offset + size);
    const nul = raw.indexOf(0);
    const text = raw.subarray(0, nul >= 0 ? nul : raw.length).toString("latin1");
    if (text.length > 0) info.interpreter = text;
    return info;
  }
  return info;
}

// src/runtime/image-files.ts
import path25 from "node:path";

// src/runtime/tar.ts
var BLOCK = 512;
function cString(buf, start, length) {
  const field = buf.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul >= 0 ? nul : field.length).toString("utf8");
}
function parseNumeric(buf, start, length) {
  const field = buf.subarray(start, start + length);
  if (field.length > 0 && (field[0] & 128) !== 0) {
    let value = field[0] & 127;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const text = field.toString("latin1").replace(/\0.*$/s, "").trim();
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) return NaN;
  return parseInt(text, 8);
}
function checksumOk(header) {
  const stored = parseNumeric(header, 148, 8);
  if (Number.isNaN(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 32 : header[i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}
function typeOf(flag) {
  switch (flag) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "1":
      return "hardlink";
    case "2":
      return "symlink";
    case "5":
      return "dir";
    default:
      return "other";
  }
}
function parsePax(data) {
  const out = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space < 0) break;
    const len = parseInt(data.subarray(pos, space).toString("latin1"), 10);
    if (!Number.isFinite(len) || len <= space - pos || pos + len > data.length) break;
    const record = data.subarray(space + 1, pos + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}
function parseTar(input, maxEntries = 1e4) {
  const entries = [];
  let pos = 0;
  let pax = {};
  let longName;
  let longLink;
  while (pos + BLOCK <= input.length && entries.length < maxEntries) {
    const header = input.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) break;
    const typeflag = String.fromCharCode(header[156]);
    let size = parseNumeric(header, 124, 12);
    if (Number.isNaN(size)) break;
    if (pax.size !== void 0 && /^\d+$/.test(pax.size)) size = Number(pax.size);
    const dataStart = pos + BLOCK;
    const available = Math.max(0, Math.min(size, input.length - dataStart));
    const data = input.subarray(dataStart, dataStart + available);
    const truncated = available < size;
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === "x" || typeflag === "L" || typeflag === "K" || typeflag === "g") {
      if (truncated) break;
      if (typeflag === "x") pax = { ...pax, ...parsePax(data) };
      else if (typeflag === "L") longName = cString(data, 0, data.length);
      else if (typeflag === "K") longLink = cString(data, 0, data.length);
      continue;
    }
    let name = cString(header, 0, 100);
    const magic = header.subarray(257, 262).toString("latin1");
    if (magic === "ustar") {
      const prefix = cString(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    name = pax.path ?? longName ?? name;
    const linkname = pax.linkpath ?? longLink ?? cString(header, 157, 100);
    const uid = pax.uid !== void 0 ? Number(pax.uid) : parseNumeric(header, 108, 8);
    const gid = pax.gid !== void 0 ? Number(pax.gid) : parseNumeric(header, 116, 8);
    entries.push({
      name,
      type: typeOf(typeflag),
      typeflag,
      mode: parseNumeric(header, 100, 8) & 4095,
      uid: Number.isNaN(uid) ? 0 : uid,
      gid: Number.isNaN(gid) ? 0 : gid,
      size,
      linkname,
      data,
      truncated
    });
    pax = {};
    longName = void 0;
    longLink = void 0;
    if (truncated) break;
  }
  return entries;
}

// src/runtime/image-files.ts
var HEAD_BYTES = 64 * 1024;
var MAX_LINK_HOPS = 16;
var CP_TIMEOUT_MS = 2e4;
var MISSING = /no such container:path|could not find the file|no such file or directory|not a directory/i;
var ImageFileReader = class _ImageFileReader {
  constructor(containerId, cleanup) {
    this.containerId = containerId;
    this.cleanup = cleanup;
  }
  containerId;
  cleanup;
  raw = /* @__PURE__ */ new Map();
  closed;
  /** Create (never start) a container of the image to copy files out of. */
  static async open(input) {
    const res = await docker(
      ["create", "--pull=never", "--platform", input.platform, "--network", "none", ...input.cleanup.labelArgs(), "--entrypoint", "/entrypoint-guard-never-started", "--", input.image],
      { timeoutMs: 3e4 }
    );
    const id = res.stdout.trim().split("\n").pop()?.trim() ?? "";
    if (res.code !== 0 || !/^[0-9a-f]{12,64}$/.test(id)) {
      const why2 = res.timedOut ? "timed out after 30 s" : res.stderr.trim().split("\n")[0] ?? `exit ${res.code}`;
      throw new Error(`docker create ${input.image} (${input.platform}) failed: ${why2}`);
    }
    input.cleanup.container(id);
    return new _ImageFileReader(id, input.cleanup);
  }
  /** Read several paths at once (symlinks followed); keyed by the path asked for. */
  async readMany(paths) {
    const unique = [...new Set(paths)];
    const files = await Promise.all(unique.map((p) => this.read(p)));
    return new Map(unique.map((p, i) => [p, files[i]]));
  }
  async read(requested) {
    const links = [];
    let current = path25.posix.normalize(requested);
    const seen = /* @__PURE__ */ new Set();
    let lexical = false;
    for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
      const raw = await this.readRaw(current);
      const base = { path: requested, resolvedPath: current, links, mode: 0, uid: 0, gid: 0, size: 0, head: Buffer.alloc(0), truncated: false };
      if (raw.kind === "missing" && lexical) return { ...base, type: "error", error: `cannot tell whether ${current} exists: a symlink target with .. crossed a directory symlink` };
      if (raw.kind === "missing") return { ...base, type: "missing" };
      if (raw.kind === "loop") return { ...base, type: "loop" };
      if (raw.kind === "error") return { ...base, type: "error", error: raw.error };
      if (raw.type === "symlink") {
        const target = raw.linkname ?? "";
        links.push({ path: current, target });
        const next = target.startsWith("/") ? path25.posix.normalize(target) : path25.posix.join(path25.posix.dirname(current), target);
        if (!target.startsWith("/") && target.split("/").includes("..")) lexical = true;
        if (seen.has(next) || target === "") return { ...base, type: "loop" };
        seen.add(current);
        current = next;
        continue;
      }
      const type = raw.type === "file" || raw.type === "hardlink" ? "file" : raw.type === "dir" ? "dir" : "other";
      return {
        ...base,
        type,
        mode: raw.mode ?? 0,
        uid: raw.uid ?? 0,
        gid: raw.gid ?? 0,
        size: raw.size ?? 0,
        head: raw.head ?? Buffer.alloc(0),
        truncated: raw.truncated ?? false
      };
    }
    return { path: requested, resolvedPath: current, links, type: "loop", mode: 0, uid: 0, gid: 0, size: 0, head: Buffer.alloc(0), truncated: false };
  }
  readRaw(p) {
    let pending = this.raw.get(p);
    if (!pending) {
      pending = this.copyOut(p);
      this.raw.set(p, pending);
    }
    return pending;
  }
  async copyOut(p) {
    if (this.closed) return { kind: "error", error: "reader closed" };
    const enough = 512 * 3 + HEAD_BYTES + 512;
    let seen = 0;
    let stopped = false;
    const res = await docker(["cp", "--", `${this.containerId}:${p}`, "-"], {
      timeoutMs: CP_TIMEOUT_MS,
      maxStdoutBytes: enough * 4,
      onOutput: (chunk) => {
        seen += chunk.length;
        if (seen >= enough) stopped = true;
        return stopped;
      }
    });
    if (res.timedOut) return { kind: "error", error: `docker cp ${p} timed out` };
    if (res.code !== 0 && !stopped) {
      const msg = res.stderr.trim();
      if (MISSING.test(msg)) return { kind: "missing" };
      if (/too many (levels of symbolic )?links/i.test(msg)) return { kind: "loop" };
      return { kind: "error", error: msg.split("\n")[0] || `docker cp exited ${res.code}` };
    }
    const entries = parseTar(res.stdoutBytes, 4);
    const entry = entries[0];
    if (!entry) return { kind: "error", error: `docker cp ${p} returned no tar entry` };
    return {
      kind: "entry",
      type: entry.type,
      mode: entry.mode,
      uid: entry.uid,
      gid: entry.gid,
      size: entry.size,
      linkname: entry.linkname,
      head: Buffer.from(entry.data.subarray(0, HEAD_BYTES)),
      truncated: entry.size > Math.min(entry.data.length, HEAD_BYTES)
    };
  }
  /** Remove the container (idempotent). */
  close() {
    if (!this.closed) {
      this.closed = docker(["rm", "-f", "-v", this.containerId], { timeoutMs: 2e4 }).then((res) => {
        if (res.code === 0) this.cleanup.forgetContainer(this.containerId);
      });
    }
    return this.closed;
  }
};

// src/runtime/smoke.ts
var MAX_DEPTH2 = 4;
var SHELL_TIMEOUT_MS = 3e4;
function executableCandidates(argv0, config) {
  const wd = config.workingDir.startsWith("/") ? config.workingDir : path26.posix.join("/", config.workingDir);
  if (argv0.startsWith("/")) return [path26.posix.normalize(argv0)];
  if (argv0.includes("/")) return [path26.posix.join(wd, argv0)];
  const dirs = config.path.map((d) => d.startsWith("/") ? d : path26.posix.join(wd, d));
  return [...new Set(dirs.map((d) => path26.posix.join(d, argv0)))];
}
function installCommand(program, family2) {
  const pkg = interpreterPackage(program);
  switch (family2) {
    case "alpine":
    case "wolfi":
      return `RUN apk add --no-cache ${pkg}`;
    case "debian":
    case "ubuntu":
      return `RUN apt-get update && apt-get install -y --no-install-recommends ${pkg}`;
    case "rhel":
      return `RUN dnf install -y ${pkg}`;
    default:
      return void 0;
  }
}
var q = (s) => `\`${s.replace(/\r/g, "\\r")}\``;
var modeText = (mode) => `0${(mode & 4095).toString(8).padStart(3, "0")}`;
var isRootUser = (user) => user === "" || /^(root|0)(:.*)?$/.test(user);
var fileExists = (f) => f !== void 0 && f.type !== "missing" && f.type !== "loop" && f.type !== "error";
function hit4(ctx, rule31, severity, message, fix, fatal = false) {
  ctx.hits.push({ rule: rule31, severity, message, fix, ...ctx.at });
  if (fatal) ctx.fatal = true;
}
var FAILS = "so every container fails at start with";
async function checkElf(ctx, subject, elf, depth) {
  const { arch } = ctx;
  if (arch && !matchesArch(elf, arch)) reportWrongArch(ctx, subject, elf, arch);
  if (!elf.interpreter || elf.incomplete || subject.role === "loader" || depth >= MAX_DEPTH2) return;
  const loader = (await ctx.reader.readMany([elf.interpreter])).get(elf.interpreter);
  if (loader.type === "error") return;
  if (!fileExists(loader)) {
    const loaderName = elf.interpreter;
    const musl = /ld-musl/.test(loaderName);
    const family2 = ctx.model.base.family;
    let fix;
    if (!musl && (family2 === "alpine" || family2 === "wolfi")) fix = `Build a static binary (\`CGO_ENABLED=0\` for Go) or use a glibc-based final image (Debian slim, distroless/base) instead of ${ctx.model.base.ref}.`;
    else if (musl) fix = "Build a static binary or build it on the final image's C library (glibc) instead of Alpine's musl.";
    else if (family2 === "scratch" || family2 === "distroless") fix = `Build a static binary (\`CGO_ENABLED=0 go build\`, \`-static\`) or use a final image that ships ${loaderName} (gcr.io/distroless/base or cc).`;
    else fix = `Build a static binary or use a final base image that ships ${loaderName} (the C library the binary was linked against).`;
    hit4(
      ctx,
      "interpreter-not-found",
      "error",
      `${subject.label} is dynamically linked against the loader ${loaderName}, which does not exist in the image on {platforms}, ${FAILS} "no such file or directory".`,
      fix,
      true
    );
    return;
  }
  await checkExecutable(ctx, { file: loader, label: `${q(loader.path)} (the dynamic loader of ${q(subject.file.path)})`, role: "loader" }, depth + 1);
}
function reportWrongArch(ctx, subject, elf, arch) {
  const got = describeElf(elf);
  const host = hostArch();
  const short = arch.short;
  let severity = "error";
  let consequence;
  const compat = arch.machine === 62 && elf.machine === 3 || arch.machine === 183 && elf.machine === 40;
  if (compat) {
    severity = "warning";
    consequence = arch.machine === 62 ? "it runs only on kernels with 32-bit x86 compatibility enabled and fails with exec format error elsewhere" : "it runs only on arm64 CPUs with 32-bit ARM support and fails with exec format error on the others (AWS Graviton3, Apple silicon)";
  } else if (host && matchesArch(elf, host)) {
    consequence = `it runs here only because this machine is ${describeElf(elf)}; on real ${short} hardware it fails with exec format error`;
  } else if (archOfElf(elf)) {
    consequence = `it runs here only because QEMU emulates it; on real ${short} hardware it fails with exec format error`;
  } else {
    consequence = `on real ${short} hardware it fails with exec format error`;
  }
  const pinned2 = pinnedStageFor(ctx.model, elf);
  const fix = pinned2 ? `Remove \`--platform=${pinned2.platform}\` from the FROM on line ${pinned2.line} (or use \`--platform=$BUILDPLATFORM\` and cross-compile for $TARGETARCH) so each platform's image gets its own binary.` : `Build it for the target platform: cross-compile in a \`FROM --platform=$BUILDPLATFORM\` stage for $TARGETARCH (e.g. \`GOARCH=$TARGETARCH\`) or download the ${short} artefact.`;
  const file = subject.file;
  const writer = writerOf(ctx.model, [file.path, ...file.links.map((l) => l.path), file.resolvedPath]);
  const at = writer ? { file: ctx.model.file, range: writer.range } : ctx.at;
  ctx.hits.push({ rule: "wrong-architecture", severity, message: `${subject.label} is ${/^(x|A|s|e_|I)/.test(got) ? "an" : "a"} ${got} ELF but the image is for {platforms}: ${consequence}.`, fix, ...at });
}
function pinnedStageFor(model, elf) {
  for (const stage of model.stages) {
    const p = stage.platform;
    if (!p || p.includes("$")) continue;
    const spec = platformArch(p);
    if (spec && matchesArch(elf, spec)) return { platform: p, line: stage.from.range.line };
  }
  return void 0;
}
async function checkScript(ctx, subject, depth) {
  const { file } = subject;
  const head = file.head;
  if (head.length >= 3 && head[0] === 239 && head[1] === 187 && head[2] === 191) {
    hit4(
      ctx,
      "utf8-bom",
      "error",
      `${subject.label} starts with a UTF-8 byte order mark in the image on {platforms}, so the kernel does not see its \`#!\` line and every container fails at start with "exec format error".`,
      "Save the script as UTF-8 without BOM (or strip it in the build: `RUN sed -i '1s/^\\xEF\\xBB\\xBF//' <script>`).",
      true
    );
    return;
  }
  const shebang = parseShebang(head);
  if (!shebang) {
    if (head.length > 0 && head.subarray(0, 1024).includes(0)) return;
    hit4(
      ctx,
      "wrapper-missing-shebang",
      "error",
      `${subject.label} ${file.size === 0 ? "is empty" : "has no `#!` line"} in the image on {platforms}, ${FAILS} "exec format error".`,
      file.size === 0 ? `Check the COPY source of ${q(file.path)}: the file in the image is empty.` : "Start the script with an interpreter line such as `#!/bin/sh`.",
      true
    );
    return;
  }
  if (shebang.crlf || head.includes("\r\n")) {
    const crlfShebang = shebang.crlf;
    hit4(
      ctx,
      "crlf-in-image",
      "error",
      crlfShebang ? `${subject.label} has CRLF line endings in the image on {platforms}, so ${crlfConsequence(shebang)}.` : `${subject.label} has CRLF line endings in the image on {platforms}, so the shell sees a trailing \\r on its lines and commands fail with "$'\\r': command not found".`,
      "Convert it to LF line endings (a `.gitattributes` line `*.sh text eol=lf`, or `RUN sed -i 's/\\r$//' <script>` in the build).",
      crlfShebang
    );
  }
  const interpreter = shebang.interpreter.replace(/\r$/, "");
  const arg = shebang.arg?.replace(/\r$/, "");
  if (interpreter === "") return;
  const interpPath = interpreter.startsWith("/") ? path26.posix.normalize(interpreter) : path26.posix.join(ctx.config.workingDir, interpreter);
  const interp = (await ctx.reader.readMany([interpPath])).get(interpPath);
  if (interp.type === "error") return;
  const shebangText = q(`#!${interpreter}${arg ? ` ${arg}` : ""}`);
  if (!fileExists(interp)) {
    await reportMissingProgram(ctx, `${subject.label} starts with ${shebangText} but ${interpPath} does not exist in the image on {platforms}, ${FAILS} "no such file or directory".`, path26.posix.basename(interpPath));
    return;
  }
  await checkExecutable(ctx, { file: interp, label: `${q(interpPath)} (the interpreter of ${q(file.path)})`, role: "interpreter" }, depth + 1);
  if (shebang.crlf || path26.posix.basename(interpPath) !== "env") return;
  const target = envTarget(arg);
  if (!target) return;
  if (target.unsplit) {
    hit4(
      ctx,
      "interpreter-not-found",
      "error",
      `${subject.label} starts with ${shebangText}, and the kernel passes ${q(target.program)} to env as one word, so on {platforms} env looks for a program of that name and every container fails at start with "no such file or directory".`,
      `Use \`#!/usr/bin/env -S ${target.program}\` (GNU env) or an absolute interpreter path such as \`#!/usr/bin/${target.program}\`.`,
      true
    );
    return;
  }
  const candidates = executableCandidates(target.program, ctx.config);
  const found = await ctx.reader.readMany(candidates);
  if ([...found.values()].some((f) => f.type === "error")) return;
  const program = pickExecutable(candidates.map((c) => found.get(c)));
  if (!program) {
    const where = target.program.includes("/") ? `${candidates[0]} does not exist` : `${target.program} is not on the image's PATH (${ctx.config.path.join(":")})`;
    await reportMissingProgram(ctx, `${subject.label} starts with ${shebangText} but ${where} on {platforms}, ${FAILS} "env: '${target.program}': No such file or directory".`, path26.posix.basename(target.program));
    return;
  }
  await checkExecutable(ctx, { file: program, label: `${q(program.path)} (the interpreter of ${q(file.path)})`, role: "interpreter" }, depth + 1);
}
function crlfConsequence(shebang) {
  if (!shebang.arg) return `the kernel looks for the interpreter ${q(shebang.interpreter)} and every container fails at start with "no such file or directory"`;
  if (path26.posix.basename(shebang.interpreter) === "env") {
    const target = envTarget(shebang.arg);
    if (target && !target.unsplit) return `env looks for a program named ${q(`${target.program}\r`)} and every container fails at start with "No such file or directory"`;
  }
  return `${shebang.interpreter} receives ${q(shebang.arg)} as its argument and every container fails at start`;
}
async function reportMissingProgram(ctx, message, program) {
  const install = installCommand(program, ctx.model.base.family);
  const hasSh = isExtraShell(program) && await ctx.shellPresent();
  let fix;
  if (hasSh) {
    fix = install ? `Change the shebang to \`#!/bin/sh\` if the script is POSIX, or install ${program} in the final stage (\`${install}\`).` : `Change the shebang to \`#!/bin/sh\` if the script is POSIX, or build the final stage FROM an image that ships ${program}.`;
  } else {
    fix = install ? `Install ${program} in the final stage (\`${install}\`).` : `Build the final stage FROM an image that ships ${program}.`;
  }
  hit4(ctx, "interpreter-not-found", "error", message, fix, true);
}
async function checkExecutable(ctx, subject, depth) {
  const { file } = subject;
  if (file.type === "dir") {
    hit4(
      ctx,
      "entrypoint-not-executable",
      "error",
      `${subject.label} is a directory in the image on {platforms}, ${FAILS} "permission denied".`,
      subject.role === "start" ? `Point ${ctx.keyword} at the program inside ${q(file.path)}, not the directory.` : `Point the \`#!\` line at the interpreter program, not the directory ${q(file.path)}.`,
      true
    );
    return;
  }
  if (file.type !== "file") return;
  if ((file.mode & 73) === 0 && subject.role !== "loader") {
    hit4(
      ctx,
      "entrypoint-not-executable",
      "error",
      `${subject.label} has mode ${modeText(file.mode)} (no execute bit) in the image on {platforms}, ${FAILS} "permission denied".`,
      chmodFix(ctx, file),
      true
    );
  }
  const elf = parseElf(file.head);
  if (elf) await checkElf(ctx, subject, elf, depth);
  else if (subject.role !== "loader" && depth < MAX_DEPTH2) await checkScript(ctx, subject, depth);
}
function chmodFix(ctx, file) {
  const target = file.resolvedPath;
  const copy = ctx.model.wrappers.find((w) => w.imagePath === target || w.imagePath === file.path)?.copy;
  if (copy) return `Copy it with an execute bit: add \`--chmod=755\` to the ${copy.keyword} on line ${copy.range.line} (or \`RUN chmod +x ${target}\`).`;
  return `Give it an execute bit in the build: \`RUN chmod +x ${target}\` or \`COPY --chmod=755 \u2026 ${target}\`.`;
}
function pickExecutable(files) {
  return files.find((f) => f.type === "file" && (f.mode & 73) !== 0) ?? files.find((f) => fileExists(f) && f.type !== "dir");
}
function debugShellRun(input, paths) {
  const name = `${input.cleanup.runId}-smoke-${randomBytes3(4).toString("hex")}`;
  input.cleanup.container(name);
  const script = paths.length === 1 ? 'test -x "$1"' : 'for p do test -x "$p" && exit 0; done; exit 1';
  return docker(
    [
      "run",
      "--rm",
      "--pull=never",
      "--name",
      name,
      "--platform",
      input.platform,
      "--network",
      "none",
      ...input.cleanup.labelArgs(),
      "--memory",
      "128m",
      "--pids-limit",
      "32",
      "--read-only",
      "--security-opt",
      "no-new-privileges",
      "--entrypoint",
      "/bin/sh",
      "--",
      input.image,
      "-c",
      script,
      "sh",
      ...paths
    ],
    { timeoutMs: SHELL_TIMEOUT_MS, maxStdoutBytes: 64 * 1024 }
  ).then((res) => {
    if (!res.timedOut) input.cleanup.forgetContainer(name);
    return res;
  });
}
async function judgeShellRun(run, reader) {
  const res = await run;
  if (!res.timedOut && SH_MISSING.test(res.stderr)) return { hasShell: false, present: false, exitCode: res.code };
  const ran = !res.timedOut && (res.code === 0 || res.code === 1) && !START_ERROR.test(res.stderr);
  if (ran) return { hasShell: true, present: true, exitCode: res.code };
  const sh = await reader.read("/bin/sh");
  return { hasShell: false, present: sh.type !== "missing" && sh.type !== "loop", exitCode: res.code };
}
var START_ERROR = /OCI runtime|failed to create shim|starting container process|Error response from daemon/;
var SH_MISSING = /exec: "\/bin\/sh": stat \/bin\/sh: no such file or directory|"\/bin\/sh": no such file or directory/;
async function smokeCheck(input) {
  const { config, model, platform } = input;
  const startCommand = [...config.entrypoint, ...config.cmd];
  const argv0 = startCommand[0];
  const candidates = argv0 !== void 0 && argv0 !== "" ? executableCandidates(argv0, config) : [];
  const shellRun = debugShellRun(input, candidates.length > 0 ? candidates : ["/bin/sh"]);
  let reader;
  try {
    reader = await ImageFileReader.open(input);
  } catch (err) {
    await shellRun;
    throw err;
  }
  let verdict;
  const shellVerdict = () => verdict ??= judgeShellRun(shellRun, reader);
  const consistent = argv0 !== void 0 && model.start.argv[0] === argv0 && model.start.executableFrom !== void 0;
  const from = consistent ? model.start.executableFrom : void 0;
  const ctx = {
    platform,
    arch: platformArch(platform),
    config,
    model,
    reader,
    hits: [],
    fatal: false,
    at: from ? { file: model.file, range: from.instr.range } : {},
    keyword: from?.instr.keyword ?? "ENTRYPOINT/CMD",
    shellPresent: async () => (await shellVerdict()).present
  };
  let exe;
  let shell;
  try {
    const files = candidates.length > 0 ? await reader.readMany(candidates).then((m) => candidates.map((c) => m.get(c))) : [];
    exe = pickExecutable(files);
    if (argv0 !== void 0 && argv0 !== "" && !files.some((f) => f.type === "error")) {
      if (!exe) reportNotFound(ctx, argv0, files);
      else await checkExecutable(ctx, { file: exe, label: q(exe.path), role: "start" }, 0);
    }
    shell = await shellVerdict();
  } finally {
    await reader.close();
  }
  if (!shell.present) {
    ctx.hits.push({
      rule: "no-debug-shell",
      severity: "info",
      file: model.file,
      range: model.chain[0].from.range,
      message: `The image has no /bin/sh on {platforms}, so debugging with \`docker run --entrypoint /bin/sh\` or \`docker exec \u2026 sh\` fails with "no such file or directory".`,
      fix: "Debug it with an ephemeral container (`kubectl debug --image=busybox`, `docker debug`), or use a `:debug` variant of the base image while investigating."
    });
  } else if (shell.hasShell && shell.exitCode === 1 && exe?.type === "file" && (exe.mode & 73) !== 0 && !ctx.fatal && !isRootUser(config.user)) {
    hit4(
      ctx,
      "entrypoint-not-executable",
      "error",
      `${q(exe.path)} (mode ${modeText(exe.mode)}, owner uid ${exe.uid}) is not executable for the image's user ${q(config.user)} on {platforms}, ${FAILS} "permission denied".`,
      `Make it executable for that user (\`COPY --chmod=755\` or \`RUN chmod 755 ${exe.resolvedPath}\`), or \`--chown\` it to ${config.user}.`,
      true
    );
  }
  const hasShell = shell.hasShell;
  return { hits: ctx.hits, startCommand, hasShell, fatal: ctx.fatal };
}
function reportNotFound(ctx, argv0, files) {
  if (!argv0.includes("/")) {
    hit4(
      ctx,
      "entrypoint-not-found",
      "error",
      `${q(argv0)} is not on the image's PATH (${ctx.config.path.join(":")}) on {platforms}, ${FAILS} "executable file not found in $PATH".`,
      `Install ${argv0} in the final stage (or COPY it there from the build stage), or start it by its absolute path.`,
      true
    );
    return;
  }
  const file = files[0];
  const shown = argv0.startsWith("/") ? q(file.path) : `${q(argv0)} (${file.path} from WorkingDir ${ctx.config.workingDir})`;
  const link = file.links[file.links.length - 1];
  const why2 = file.type === "loop" ? `is a symlink loop in the image on {platforms}` : link ? `is a symlink to ${q(link.target)}, which does not exist in the image on {platforms}` : `does not exist in the image on {platforms}`;
  hit4(
    ctx,
    "entrypoint-not-found",
    "error",
    `${shown} ${why2}, ${FAILS} "no such file or directory".`,
    `COPY the file to ${file.path} in the final stage, or correct the path in ${ctx.keyword}.`,
    true
  );
}

// src/runtime/index.ts
var PLATFORM_CONCURRENCY = 2;
var VERSION_MS = 15e3;
async function runRuntime(model, options, extras = {}) {
  const notes = [];
  if (model.windows) return { hits: [], platforms: [], notes: ["Runtime checks skipped: Windows images are not built or probed."] };
  const engine = await docker(["version", "--format", "{{.Server.Os}}/{{.Server.Arch}}"], { timeoutMs: VERSION_MS });
  if (engine.code !== 0 || engine.timedOut) {
    return { hits: [], platforms: [], notes: [`Runtime checks skipped: no Docker engine answered (${engineProblem(engine.stderr, engine.timedOut)}).`] };
  }
  const serverPlatform = engine.stdout.trim();
  const buildx = await docker(["buildx", "version"], { timeoutMs: VERSION_MS });
  if (!options.image && (buildx.code !== 0 || buildx.timedOut)) {
    return {
      hits: [],
      platforms: [],
      notes: ["Runtime checks skipped: docker buildx is not installed; add docker/setup-buildx-action to the workflow (or install the docker-buildx plugin)."]
    };
  }
  const builder = await inspectBuilder(options.builder);
  const builderPlatforms = builder.platforms;
  if (!options.image) checkBuildOptions(options, { version: await buildxVersion(), driver: builder.driver, platforms: builderPlatforms });
  const binfmt = readBinfmt();
  let resolved;
  let platforms = options.platforms;
  const lacking = [];
  if (options.image) {
    resolved = await resolveImage(options.image);
    const has = resolved.variants.map((v) => v.platform);
    if (options.platformsExplicit) {
      for (const p of platforms) if (!resolved.variants.some((v) => samePlatform(v.platform, p))) lacking.push(p);
    } else {
      platforms = has;
    }
  }
  const progress = extras.progress?.(platforms) ?? silentProgress;
  const cleanup = new Cleanup(options.runId);
  cleanup.installSignalHandlers();
  const nonce = randomBytes4(3).toString("hex");
  const confirms = confirmable(model, extras.staticFindings ?? []);
  const hits = [];
  const results = [];
  try {
    const outcomes = await mapLimit(platforms, PLATFORM_CONCURRENCY, async (platform) => {
      const support = platformSupport(platform, serverPlatform, builderPlatforms, binfmt);
      if (resolved && lacking.includes(platform)) {
        progress.phase(platform, "skipped", `the image has no ${platform} variant`);
        return lackingPlatform(platform, resolved);
      }
      const variant = resolved?.variants.find((v) => samePlatform(v.platform, platform));
      try {
        return await runPlatform({ platform, support, model, options, cleanup, confirms, nonce, variant, resolved, progress });
      } catch (err) {
        progress.phase(platform, "failed", "runtime checks stopped by an internal error");
        const message = err instanceof Error ? err.message : String(err);
        const result = resolved ? { platform } : { platform, build: { ok: false, seconds: 0 } };
        return { result: { ...result, skipped: "runtime checks stopped by an internal error" }, hits: [], notes: [`Runtime checks for ${platform} stopped: ${truncate(message, 200)}.`] };
      }
    });
    notes.push(...reconcileEmulated(outcomes));
    for (const o of outcomes) {
      results.push(o.result);
      hits.push(...o.hits.map((h) => ({ ...h, platform: o.result.platform })));
      notes.push(...o.notes);
    }
  } finally {
    progress.close();
    await cleanup.removeAll();
    cleanup.uninstallSignalHandlers();
  }
  const out = { hits: mergeHits(hits, model, platforms), platforms: results, notes };
  if (resolved) out.image = { ref: resolved.ref, digest: resolved.digest };
  return out;
}
var TIMING_RULES = /* @__PURE__ */ new Set(["sigterm-ignored", "slow-shutdown", "unclean-exit", "shell-is-pid1"]);
function reconcileEmulated(outcomes) {
  const notes = [];
  const chain = (o) => `${(o.result.startCommand ?? []).join("\0")}
${o.result.pid1 ?? ""}`;
  const key = (h) => `${h.rule}\0${h.severity ?? ""}`;
  for (const emulated of outcomes.filter((o) => o.result.emulated && o.result.shutdown)) {
    const native = outcomes.find((o) => !o.result.emulated && o.result.shutdown && chain(o) === chain(emulated));
    if (!native) continue;
    const nativeKeys = new Set(native.hits.map(key));
    const contradicted = emulated.hits.filter((h) => TIMING_RULES.has(h.rule) && h.severity !== "info" && !nativeKeys.has(key(h)));
    if (contradicted.length === 0) continue;
    emulated.hits = emulated.hits.filter((h) => !contradicted.includes(h));
    const e = emulated.result;
    const n = native.result.shutdown;
    const there = e.shutdown.killed ? `was SIGKILLed after ignoring ${e.shutdown.signal} for the grace period` : `exited with code ${e.shutdown.exitCode} after ${e.shutdown.seconds} s`;
    const here = n.killed ? "was SIGKILLed too, for other reasons" : `exited with code ${n.exitCode} after ${n.seconds} s`;
    notes.push(
      `On ${e.platform} (emulated by QEMU) the container ${there} (${[...new Set(contradicted.map((h) => h.rule))].join(", ")}), but the same start chain \`${truncate(e.pid1 ?? (e.startCommand ?? []).join(" "), 60)}\` ${here} natively on ${native.result.platform}: the emulated verdict rests on QEMU's signal handling and timing, so it is not reported. Confirm on real ${e.platform.split("/")[1]} hardware, e.g. a matrix job on \`ubuntu-24.04-arm\`.`
    );
  }
  return notes;
}
function samePlatform(a, b) {
  const norm = (p) => p.replace(/^(linux\/arm64)\/v8$/, "$1");
  return norm(a) === norm(b);
}
function lackingPlatform(platform, resolved) {
  const has = resolved.variants.map((v) => v.platform).join(", ");
  return {
    result: { platform, skipped: `the image ${resolved.ref} has no ${platform} variant (it has ${has})` },
    hits: [],
    notes: [`${resolved.ref} has no ${platform} image (it has ${has}), so ${platform} was not checked.`]
  };
}
function engineProblem(stderr, timedOut) {
  if (timedOut) return `docker version did not answer within ${VERSION_MS / 1e3} s`;
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /cannot connect|connection refused|no such file|not found|permission denied|ENOENT|is the docker daemon running/i.test(l)) ?? lines.at(-1);
  if (!line || /ENOENT/.test(line)) return "the docker command is not installed";
  return truncate(line.replace(/^error during connect: /i, ""), 200);
}
async function runPlatform(job) {
  const { platform, support, model, options, cleanup, confirms, progress } = job;
  const started = Date.now();
  const result = job.resolved ? { platform } : { platform, build: { ok: false, seconds: 0 } };
  if (support.available && support.emulated) result.emulated = true;
  const hits = [];
  const notes = [];
  const done = () => {
    result.seconds = round((Date.now() - started) / 1e3);
    const final = !result.skipped ? "done" : result.build && !result.build.ok && !/emulator/.test(result.skipped) ? "failed" : "skipped";
    progress.phase(platform, final, result.skipped);
    return { result, hits, notes };
  };
  if (!support.available) {
    hits.push(unavailableHit(platform, model, support.reason));
    result.skipped = `no emulator for ${platform} is registered on this machine`;
    return done();
  }
  let image;
  if (job.resolved && job.variant) {
    result.image = { ref: job.resolved.ref, digest: job.variant.digest };
    if (!job.variant.local) progress.phase(platform, "pulling", job.variant.source);
    const pulled = await pullVariant(job.variant, imageTag(cleanup.runId, platform, job.nonce), cleanup);
    if (!pulled.ok) {
      notes.push(`Runtime checks for ${platform} stopped: ${pulled.error}.`);
      result.skipped = "the image could not be pulled";
      return done();
    }
    image = pulled.image;
  } else {
    progress.phase(platform, "building");
    const build = await buildPlatform({
      onProgress: (chunk) => progress.output(platform, chunk),
      model,
      platform,
      contextDir: model.contextDir,
      target: options.target,
      buildArgs: options.buildArgs,
      cleanup,
      nonce: job.nonce,
      buildx: { builder: options.builder, cacheFrom: options.cacheFrom, cacheTo: options.cacheTo, secrets: options.secrets, buildContexts: options.buildContexts, ssh: options.ssh }
    });
    result.build = { ok: build.ok, seconds: build.seconds };
    if (build.digest) result.build.digest = build.digest;
    if (build.cache && build.cache.steps > 0) result.build.cache = build.cache;
    for (const w of build.warnings ?? []) notes.push(`Build warning on ${platform}: ${truncate(w, 200)}.`);
    if (!build.ok) {
      if (build.hit) hits.push(build.hit);
      result.skipped = build.unavailable ? `no emulator for ${platform} is registered on this machine` : "the build failed";
      return done();
    }
    image = build.tag;
  }
  let config;
  try {
    config = await inspectImage(image);
  } catch (err) {
    notes.push(`Runtime checks for ${platform} stopped: ${err.message}.`);
    result.skipped = "the built image could not be inspected";
    return done();
  }
  result.startCommand = [...config.entrypoint, ...config.cmd];
  const probeRequest = {
    image,
    platform,
    config,
    cleanup,
    emulated: support.emulated,
    options: { gracePeriod: options.gracePeriod, startupWait: options.startupWait, readyLog: options.readyLog, ...options.readyCmd ? { readyCmd: options.readyCmd } : {}, probeEnv: options.probeEnv, probeNetwork: options.probeNetwork }
  };
  const probeStart = startProbe(probeRequest);
  progress.phase(platform, "smoke");
  let hasShell;
  try {
    const smoke = await smokeCheck({ image, platform, config, model, cleanup });
    hits.push(...smoke.hits);
    hasShell = smoke.hasShell;
    if (smoke.startCommand.length > 0) result.startCommand = smoke.startCommand;
    if (smoke.fatal) {
      await abandonProbe(probeStart, cleanup);
      result.skipped = "the start executable cannot run, so the shutdown probe was skipped";
      return done();
    }
  } catch (err) {
    notes.push(`Smoke checks for ${platform} could not run: ${err.message}.`);
  }
  if (result.startCommand.length === 0) {
    await abandonProbe(probeStart, cleanup);
    result.skipped = "the image has no start command to probe";
    return done();
  }
  const forwarding = forwardingWrapper(model);
  if (forwarding && !lacksShell(model.base)) {
    const { wrapper, line } = forwarding;
    const checked = await checkArgsForwarding({
      image,
      platform,
      emulated: support.emulated,
      cleanup,
      probeEnv: options.probeEnv,
      wrapper: path27.posix.basename(wrapper.imagePath),
      place: { file: wrapper.file, range: { line, column: 1, endLine: line, endColumn: 0 } }
    });
    hits.push(...checked.hits);
    notes.push(...checked.notes);
    if (checked.arrived) result.args = { sent: [...OVERRIDE], arrived: checked.arrived, forwarded: checked.hits.length === 0 };
  }
  progress.phase(platform, "probe");
  const program = model.startChain.program?.word;
  const programArgs = model.startChain.program?.argv.slice(1) ?? [];
  const stopSignal = model.chain.flatMap((s) => s.instructions).filter((i) => i.keyword === "STOPSIGNAL").at(-1);
  const probed = await probe2(
    {
      ...probeRequest,
      confirms,
      ...hasShell !== void 0 ? { hasShell } : {},
      ...program !== void 0 && !job.resolved ? { expectedProgram: program, expectedArgs: programArgs } : {},
      ...stopSignal && !job.resolved ? { stopSignalAt: { file: model.file, range: stopSignal.range } } : {}
    },
    probeStart
  );
  notes.push(...probed.notes ?? []);
  if (probed.unavailable) {
    hits.push(unavailableHit(platform, model, probed.unavailable));
    result.skipped = `no emulator for ${platform} is registered on this machine`;
    return done();
  }
  hits.push(...probed.hits);
  if (probed.pid1) result.pid1 = probed.pid1;
  if (probed.pid1Argv) result.pid1Argv = probed.pid1Argv;
  if (probed.pid1Signals) {
    result.signals = { pid1: { caught: probed.pid1Signals.caught, ignored: probed.pid1Signals.ignored } };
    const app = probed.appSignals;
    if (app) result.signals.app = { process: app.process, caught: app.caught, ignored: app.ignored };
  }
  if (probed.oneShot) result.oneShot = probed.oneShot;
  if (probed.ready) result.ready = { by: probed.ready.by, seconds: probed.ready.seconds, detail: probed.ready.detail };
  if (probed.health) result.health = probed.health;
  if (probed.zombies) result.zombies = probed.zombies;
  if (probed.shutdown) result.shutdown = probed.shutdown;
  return done();
}
var QEMU_ARCH = {
  amd64: "x86_64",
  arm64: "aarch64",
  arm: "arm",
  "386": "i386",
  ppc64le: "ppc64le",
  ppc64: "ppc64",
  s390x: "s390x",
  riscv64: "riscv64",
  mips64le: "mips64el",
  mips64: "mips64",
  loong64: "loongarch64"
};
function platformSupport(platform, serverPlatform, builderPlatforms, binfmt) {
  const [os2, arch = "", variant] = platform.split("/");
  const [serverOs, serverArch] = serverPlatform.split("/");
  if (os2 === serverOs && (arch === serverArch || serverArch === "amd64" && arch === "386")) return { available: true, emulated: false };
  const listed = builderPlatforms.some((p) => {
    const [o, a, v] = p.split("/");
    return o === os2 && a === arch && (variant === void 0 || v === void 0 || v === variant);
  });
  const qemu = QEMU_ARCH[arch] ?? arch;
  const registered = binfmt?.get(`qemu-${qemu}`) === true;
  if (listed || registered) return { available: true, emulated: true };
  if (builderPlatforms.length === 0 && binfmt === void 0) return { available: true, emulated: true };
  return { available: false, emulated: true, reason: `the builder lists ${builderPlatforms.join(", ") || "no platforms"} and binfmt_misc has no enabled qemu-${qemu} entry` };
}
function readBinfmt(dir = "/proc/sys/fs/binfmt_misc") {
  const local = !process.env.DOCKER_HOST || process.env.DOCKER_HOST.startsWith("unix://");
  if (!local) return void 0;
  try {
    const entries = /* @__PURE__ */ new Map();
    for (const name of fs20.readdirSync(dir)) {
      if (name === "register" || name === "status") continue;
      try {
        entries.set(name, /^enabled/.test(fs20.readFileSync(path27.join(dir, name), "utf8")));
      } catch {
      }
    }
    return entries;
  } catch {
    return void 0;
  }
}
function confirmable(model, staticFindings) {
  const fired = new Set(staticFindings.map((f) => f.rule));
  const shell = /* @__PURE__ */ new Set();
  const { entrypoint, cmd } = model.start;
  const staysShell = model.startChain.links.some((l) => l.kind === "shell" && !l.replaced && l.part.form === "shell");
  if (staysShell && entrypoint?.form === "shell") shell.add("shell-form-entrypoint");
  else if (staysShell && !entrypoint && cmd?.form === "shell") shell.add("shell-form-cmd");
  for (const id of ["shell-form-entrypoint", "shell-form-cmd", "shell-wrapper-in-exec-form", "wrapper-missing-exec"]) if (fired.has(id)) shell.add(id);
  const pm = [];
  const program = model.startChain.program;
  if (fired.has("package-manager-as-pid1") || program && knownProgram(program.word)?.role === "package-manager") pm.push("package-manager-as-pid1");
  return { shellPid1: [...shell], packageManager: pm };
}
function startRange(model) {
  const part = model.start.executableFrom ?? model.start.entrypoint ?? model.start.cmd;
  return part?.instr.range ?? model.finalStage.from.range;
}
function joinPlatforms2(platforms) {
  if (platforms.length <= 1) return platforms[0] ?? "";
  return `${platforms.slice(0, -1).join(", ")} and ${platforms.at(-1)}`;
}
function mergeHits(hits, model, order) {
  const groups = /* @__PURE__ */ new Map();
  const defaultRange = startRange(model);
  for (const h of hits) {
    const range = h.range ?? defaultRange;
    const key = `${h.rule}\0${h.severity ?? ""}\0${h.file ?? model.file}\0${range.line}`;
    const list2 = groups.get(key) ?? [];
    list2.push(h);
    groups.set(key, list2);
  }
  const rank = (p) => order.indexOf(p) < 0 ? order.length : order.indexOf(p);
  const findings = [];
  for (const group of groups.values()) {
    group.sort((a, b) => rank(a.platform) - rank(b.platform));
    const first = group[0];
    const platforms = [...new Set(group.map((h) => h.platform))];
    const details = group.map((h) => h.detail).filter((d) => d !== void 0);
    const detail = new Set(details).size <= 1 ? details[0] ?? "" : group.map((h) => `${h.detail} on ${h.platform}`).join(" and ");
    const archHint = first.rule === "build-failed" && platforms.length < order.length ? " for that architecture (branch on `TARGETARCH` where it differs)" : "";
    const fill = (s) => s.replaceAll("{platforms}", joinPlatforms2(platforms)).replaceAll("{detail}", detail).replaceAll("{archHint}", archHint);
    const emulated = group.filter((h) => h.emulatedNote !== void 0);
    const emulatedNote = emulated.length > 0 ? ` ${emulated[0].emulatedNote.replaceAll("{platforms}", joinPlatforms2([...new Set(emulated.map((h) => h.platform))]))}` : "";
    const range = first.range ?? defaultRange;
    const finding = {
      rule: first.rule,
      ...first.severity ? { severity: first.severity } : {},
      message: fill(first.message) + emulatedNote,
      fix: fill(first.fix),
      file: first.file ?? model.file,
      line: range.line,
      endLine: Math.max(range.endLine, range.line),
      column: range.column,
      platforms
    };
    if (range.endColumn > 0) finding.endColumn = range.endColumn;
    findings.push(finding);
  }
  return findings;
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/runtime-findings.ts
function withRuleMeta(hits) {
  return hits.map(({ severity, ...rest }) => {
    const finding = { ...rest, severity: severity ?? ruleMeta(rest.rule)?.severity ?? "error" };
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      fix: finding.fix,
      file: finding.file,
      line: finding.line,
      endLine: finding.endLine,
      column: finding.column,
      ...finding.endColumn !== void 0 ? { endColumn: finding.endColumn } : {},
      platforms: finding.platforms
    };
  });
}

// src/engine.ts
function imageOnlyModel(ref, cwd) {
  const model = parseDockerfile({ file: ref, absPath: ref, text: `FROM ${ref}
`, contextDir: cwd });
  return { model, findings: [], notes: [] };
}
async function analyze(options, extras = {}) {
  if (options.static && options.image !== void 0) throw new InputError("--image probes a built image, so it cannot be combined with --static (lint only)");
  const imageOnly = options.image !== void 0 && options.dockerfile === "";
  const lint = imageOnly ? imageOnlyModel(options.image, options.cwd) : lintDockerfile({
    dockerfile: options.dockerfile,
    context: options.context,
    buildArgs: options.buildArgs,
    target: options.target,
    ignore: options.ignore,
    cwd: options.cwd
  });
  const { model } = lint;
  const report = { version: 1, dockerfile: model.file, findings: lint.findings, platforms: [], notes: [...lint.notes] };
  if (!options.static) {
    const runtime = await runRuntime(model, options, { staticFindings: lint.findings, progress: extras.progress });
    const confirmed = applyIgnores(withRuleMeta(runtime.hits), sourceTexts(model), options.ignore);
    const place2 = (f) => `${f.rule}\0${f.file}\0${f.line}`;
    const seenAtRuntime = new Set(confirmed.map(place2));
    report.findings = [...report.findings.filter((f) => !seenAtRuntime.has(place2(f))), ...confirmed];
    report.platforms = runtime.platforms;
    if (runtime.image) report.image = runtime.image;
    report.notes.push(...runtime.notes);
  }
  report.findings = dedupe(report.findings).sort(compareFindings);
  return { report, model };
}

// src/cli.ts
var processIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  stderrIsTTY: Boolean(process.stderr.isTTY) && process.env.TERM !== "dumb",
  cwd: process.cwd(),
  readStdin: () => fs21.readFileSync(0, "utf8")
};
async function analyzeWithPolicy(command, io) {
  const { options, given } = command;
  const root = repositoryRoot(path28.dirname(path28.resolve(io.cwd, options.dockerfile)), io.cwd);
  const config = findProjectConfig({ explicit: command.config, base: io.cwd, root });
  if (config) applyConfigDefaults(options, config.defaults, given);
  if (options.image !== void 0 && !given.has("dockerfile") && !fs21.existsSync(path28.resolve(io.cwd, options.dockerfile))) options.dockerfile = "";
  const choice = chooseDiffFilter({
    options,
    diff: command.diff,
    modeFromFlag: given.has("filterMode"),
    configFile: config?.file,
    cwd: io.cwd,
    readStdin: io.readStdin ?? (() => fs21.readFileSync(0, "utf8"))
  });
  const { report, model } = await analyze(options, { progress: cliProgress(options.progress, io.stderrIsTTY ?? false, io.stderr) });
  const final = applyPolicy(report, model, { config, filter: choice.filter, root, cwd: io.cwd });
  if (choice.note) final.notes = [...final.notes ?? [], choice.note];
  return final;
}
async function runCli(argv, io = processIo) {
  try {
    if (argv[0] === "plan" || argv[0] === "merge") {
      const sub = argv[0] === "plan" ? parsePlanArgs(argv.slice(1)) : parseMergeArgs(argv.slice(1));
      if (sub.kind === "usage") {
        io.stdout(`${sub.text}
`);
        return 0;
      }
      return sub.kind === "plan" ? runPlan(sub, io) : runMerge(sub, io);
    }
    const command = parseCli(argv, io.cwd);
    if (command.kind === "help") {
      io.stdout(`${USAGE}
`);
      return 0;
    }
    if (command.kind === "version") {
      io.stdout(`${VERSION}
`);
      return 0;
    }
    const { options } = command;
    const report = await analyzeWithPolicy(command, io);
    if (command.planPlatforms) report.plan = { platforms: command.planPlatforms, ran: options.platforms };
    const toFile = options.output !== void 0;
    let body;
    if (options.format === "json") body = formatJson([report]);
    else if (options.format === "sarif") body = `${JSON.stringify(toSarif([report]), null, 2)}
`;
    else body = formatText([report], options.failOn, io.isTTY && !toFile);
    if (options.format !== "text") {
      for (const note of report.notes ?? []) io.stderr(`note: ${note}
`);
      const dropped = droppedLine([report]);
      if (dropped) io.stderr(`note: ${dropped}
`);
    }
    if (toFile) {
      const target = path28.resolve(io.cwd, options.output);
      try {
        writeFileAtomic(target, body);
      } catch (err) {
        throw new InputError(`cannot write the report to ${options.output}: ${err.code ?? errorMessage(err)}`);
      }
    } else {
      io.stdout(body);
    }
    return failsAt(report.findings, options.failOn) ? 1 : 0;
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`entrypoint-guard: ${err.message}
`);
      return 2;
    }
    io.stderr(`entrypoint-guard: internal error: ${errorMessage(err)}
`);
    if (process.env.ENTRYPOINT_GUARD_DEBUG) io.stderr(`${err.stack ?? ""}
`);
    return 2;
  }
}

// src/cli-entry.ts
runCli(process.argv.slice(2)).then((code2) => {
  process.exitCode = code2;
});
