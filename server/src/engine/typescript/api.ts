// TypeScript's API as plain bindings. Through `import * as ts from 'typescript'` every `ts.isX`
// and `ts.SyntaxKind` is read through two getters (TypeScript's own export object, in dictionary
// mode, and the bundler's namespace interop): ~100 ns a call where a plain binding costs ~6 ns,
// and the engine makes millions of such calls per corpus pass. Engine and rule code imports this
// module instead (`import * as ts from '.../engine/typescript/api'`): the same names, and the
// bundler turns `ts.isIdentifier` into a direct reference to TypeScript's own function. Named
// re-exports (never the namespace as a value) also let the bundler leave out every part of
// TypeScript the engine does not reach (scripts/typescript-esm.mjs). A name missing here is a type
// error where it is used: add it to the lists below.
import type * as typescript from 'typescript';

export type ArrayLiteralExpression = typescript.ArrayLiteralExpression;
export type ArrowFunction = typescript.ArrowFunction;
export type BinaryExpression = typescript.BinaryExpression;
export type BindingElement = typescript.BindingElement;
export type BindingName = typescript.BindingName;
export type CallExpression = typescript.CallExpression;
export type ClassDeclaration = typescript.ClassDeclaration;
export type ClassLikeDeclaration = typescript.ClassLikeDeclaration;
export type DeleteExpression = typescript.DeleteExpression;
export type DiagnosticWithLocation = typescript.DiagnosticWithLocation;
export type ElementAccessExpression = typescript.ElementAccessExpression;
export type EntityName = typescript.EntityName;
export type ExportDeclaration = typescript.ExportDeclaration;
export type Expression = typescript.Expression;
export type ForOfStatement = typescript.ForOfStatement;
export type FunctionDeclaration = typescript.FunctionDeclaration;
export type FunctionExpression = typescript.FunctionExpression;
export type FunctionLikeDeclaration = typescript.FunctionLikeDeclaration;
export type Identifier = typescript.Identifier;
export type ImportDeclaration = typescript.ImportDeclaration;
export type ImportEqualsDeclaration = typescript.ImportEqualsDeclaration;
export type MethodDeclaration = typescript.MethodDeclaration;
export type NewExpression = typescript.NewExpression;
export type NoSubstitutionTemplateLiteral = typescript.NoSubstitutionTemplateLiteral;
export type Node = typescript.Node;
export type NumericLiteral = typescript.NumericLiteral;
export type ObjectLiteralElementLike = typescript.ObjectLiteralElementLike;
export type ObjectLiteralExpression = typescript.ObjectLiteralExpression;
export type ParameterDeclaration = typescript.ParameterDeclaration;
export type ParenthesizedExpression = typescript.ParenthesizedExpression;
export type PropertyAccessExpression = typescript.PropertyAccessExpression;
export type PropertyAssignment = typescript.PropertyAssignment;
export type PropertyDeclaration = typescript.PropertyDeclaration;
export type PropertyName = typescript.PropertyName;
export type ReturnStatement = typescript.ReturnStatement;
export type SourceFile = typescript.SourceFile;
export type Statement = typescript.Statement;
export type StringLiteral = typescript.StringLiteral;
export type StringLiteralLike = typescript.StringLiteralLike;
export type TemplateLiteralLikeNode = typescript.TemplateLiteralLikeNode;
export type TextChangeRange = typescript.TextChangeRange;
export type TypeNode = typescript.TypeNode;
export type VariableDeclaration = typescript.VariableDeclaration;
export type VariableDeclarationList = typescript.VariableDeclarationList;
export type VariableStatement = typescript.VariableStatement;

export { JSDocParsingMode, NodeFlags, ScriptKind, ScriptTarget, SyntaxKind } from 'typescript';

export {
  canHaveModifiers, createSourceFile, flattenDiagnosticMessageText, forEachChild, forEachLeadingCommentRange,
  forEachTrailingCommentRange, getJSDocType, getLeadingCommentRanges, getModifiers, isArrayLiteralExpression,
  isArrowFunction, isAsExpression, isAwaitExpression, isBinaryExpression, isBindingElement, isBlock,
  isBreakOrContinueStatement, isBreakStatement, isCallExpression, isCaseBlock, isCaseClause, isCatchClause,
  isClassDeclaration, isClassExpression, isClassLike, isConditionalExpression, isConstructorDeclaration,
  isContinueStatement, isDefaultClause, isDeleteExpression, isDoStatement, isElementAccessExpression,
  isEnumDeclaration, isEnumMember, isExportAssignment, isExportDeclaration, isExportSpecifier,
  isExpressionStatement, isExternalModuleReference, isForInStatement, isForOfStatement, isForStatement,
  isFunctionDeclaration, isFunctionExpression, isFunctionLike, isGetAccessor, isIdentifier, isIfStatement,
  isImportClause, isImportDeclaration, isImportEqualsDeclaration, isImportSpecifier, isImportTypeNode,
  isInterfaceDeclaration, isIterationStatement, isJSDoc, isJsxAttribute, isLabeledStatement,
  isLiteralExpression, isLiteralTypeNode, isMethodDeclaration, isMethodSignature, isModuleBlock,
  isModuleDeclaration, isNamedExports, isNamedImports, isNamespaceImport, isNewExpression,
  isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectBindingPattern,
  isObjectLiteralExpression, isOmittedExpression, isOptionalChain, isParameter, isParenthesizedExpression,
  isPrefixUnaryExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment,
  isPropertyDeclaration, isPropertySignature, isQualifiedName, isReturnStatement, isSatisfiesExpression,
  isSetAccessor, isShorthandPropertyAssignment, isSourceFile, isSpreadAssignment, isSpreadElement,
  isStringLiteral, isStringLiteralLike, isSwitchStatement, isTemplateExpression, isTemplateSpan,
  isTypeAliasDeclaration, isTypeAssertionExpression, isTypeNode, isTypeOfExpression,
  isTypeParameterDeclaration, isTypeReferenceNode, isUnionTypeNode, isVariableDeclaration,
  isVariableDeclarationList, isVariableStatement, isVoidExpression, isWhileStatement, isYieldExpression, updateSourceFile,
} from 'typescript';
