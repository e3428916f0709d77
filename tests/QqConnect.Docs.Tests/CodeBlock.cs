namespace QqConnect.Docs.Tests;

/// <summary>A ```csharp block of a document, and the snippet it claims to be (<see langword="null"/> when unmarked).</summary>
internal sealed record CodeBlock(string Document, int Line, string? Snippet, string Code);
