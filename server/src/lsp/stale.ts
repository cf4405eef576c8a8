// Requests that went stale before the server reached them. A code action request the client
// cancelled while it waited in the queue is answered with `null` (as vscode-eslint does), which
// tells the editor "no actions" instead of raising a cancellation error.
import { CodeActionRequest, Message, type ResponseMessage } from 'vscode-languageserver/node';

export function cancelUndispatched(message: Message, next: (message: Message) => ResponseMessage | undefined): ResponseMessage | undefined {
  if (Message.isRequest(message) && message.method === CodeActionRequest.method) {
    return { jsonrpc: message.jsonrpc, id: message.id, result: null };
  }
  return next(message);
}
