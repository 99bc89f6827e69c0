// What the SDK's TypeScript source declares for each resource class: its `<Name>Args` members (with their
// optionality and doc comments) and its declared output fields. Read syntactically with the TypeScript
// parser, because `declare` fields and interfaces leave no trace in the compiled JavaScript.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

export interface MemberDeclaration {
  name: string;
  optional: boolean;
  description?: string;
}

export interface ResourceDeclaration {
  /** The SDK file that declares the class, relative to the SDK directory. */
  file: string;
  /** Members of the constructor's args interface; empty when the class takes none. */
  args: MemberDeclaration[];
  /** The class's declared output fields. */
  outputs: MemberDeclaration[];
}

function description(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? "").join("\n").trim();
  return text || undefined;
}

function member(node: ts.PropertySignature | ts.PropertyDeclaration): MemberDeclaration {
  const out: MemberDeclaration = { name: node.name.getText(), optional: node.questionToken !== undefined };
  const text = description(node);
  if (text) out.description = text;
  return out;
}

function isDynamicResource(node: ts.ClassDeclaration): boolean {
  return (node.heritageClauses ?? []).some((h) => h.types.some((t) => /(^|\.)dynamic\.Resource$/.test(t.expression.getText())));
}

/** Declarations in one SDK source text, by class name. */
export function parseSdkSource(file: string, text: string): Record<string, ResourceDeclaration> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const classes: ts.ClassDeclaration[] = [];
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isClassDeclaration(statement) && statement.name && isDynamicResource(statement)) classes.push(statement);
  }
  const found: Record<string, ResourceDeclaration> = {};
  for (const cls of classes) {
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    const argsType = ctor?.parameters[1]?.type;
    const argsName = argsType && ts.isTypeReferenceNode(argsType) ? argsType.typeName.getText() : undefined;
    const argsInterface = argsName === undefined ? undefined : interfaces.get(argsName);
    if (argsName !== undefined && !argsInterface) throw new Error(`${file}: ${cls.name!.text}'s args type ${argsName} must be an interface declared in the same file`);
    found[cls.name!.text] = {
      file,
      args: argsInterface ? argsInterface.members.filter(ts.isPropertySignature).map(member) : [],
      outputs: cls.members.filter(ts.isPropertyDeclaration).map(member),
    };
  }
  return found;
}

/**
 * Doc comments of the members of `name` in a source text: an interface's properties, or the properties of the
 * object literal a `const name = z.object({...})` is built from.
 */
export function memberDocs(file: string, text: string, name: string): Record<string, string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  let members: readonly ts.Node[] | undefined;
  const visit = (node: ts.Node): void => {
    if (members) return;
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) members = node.members;
    else if (ts.isVariableDeclaration(node) && node.name.getText() === name && node.initializer) members = firstObjectLiteral(node.initializer)?.properties;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  if (!members) throw new Error(`${file}: no interface or const ${name} to read doc comments from`);
  const docs: Record<string, string> = {};
  for (const m of members) {
    const named = m as ts.Node & { name?: ts.PropertyName };
    const text = description(m);
    if (named.name && text) docs[named.name.getText()] = text;
  }
  return docs;
}

function firstObjectLiteral(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(node)) return node;
  return ts.forEachChild(node, firstObjectLiteral);
}

/** Declarations of every resource class in the SDK directory's source files. */
export function readSdkDeclarations(sdkDir: string): Record<string, ResourceDeclaration> {
  const all: Record<string, ResourceDeclaration> = {};
  for (const file of fs.readdirSync(sdkDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.endsWith(".spec.ts")).sort()) {
    Object.assign(all, parseSdkSource(file, fs.readFileSync(path.join(sdkDir, file), "utf8")));
  }
  return all;
}
