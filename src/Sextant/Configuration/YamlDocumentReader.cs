using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sextant.Configuration;

/// <summary>
/// Turns configuration text into its top-level mapping. A first pass over the parser's events
/// finds syntax errors, extra documents and duplicate keys (the representation model refuses a
/// duplicate key without saying where the first one was); the second pass builds the node tree.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>
    /// Deepest nesting of mappings and lists accepted. The deepest setting sits a few levels
    /// down; far deeper input would exhaust the stack while the node tree is built (an abort no
    /// handler can catch) and cost quadratic time in key paths, so it is refused at the level
    /// where it goes too deep.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The top-level mapping, or null for an empty document. Throws <see cref="SextantException"/>
    /// for invalid YAML, duplicate keys or more than one document; reports a top level that is
    /// not a mapping and returns null.
    /// </summary>
    public static YamlMappingNode? ReadRoot(string text, ConfigDiagnostics diagnostics)
    {
        try
        {
            CheckStructure(text, diagnostics);
            diagnostics.ThrowIfAny();
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return null;
            var root = stream.Documents[0].RootNode;
            switch (root)
            {
                case YamlMappingNode mapping:
                    return mapping;
                case YamlScalarNode scalar when YamlSection.IsNull(scalar):
                    return null;
                default:
                    var found = root is YamlSequenceNode ? "a list" : $"'{(root as YamlScalarNode)?.Value}'";
                    diagnostics.Report(root.Start, $"expects a mapping of settings (key: value lines) at the top level, got {found}");
                    return null;
            }
        }
        catch (YamlException e)
        {
            var line = IsTabError(e) ? FirstTabIndentedLine(text) ?? e.Start.Line : e.Start.Line;
            throw new SextantException(diagnostics.Format(line, "invalid YAML: " + e.Message), e);
        }
    }

    private static void CheckStructure(string text, ConfigDiagnostics diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        var documents = 0;
        while (MoveNext(parser, frames, diagnostics))
        {
            switch (parser.Current)
            {
                case DocumentStart start:
                    if (++documents == 2)
                    {
                        diagnostics.Report(start.Start, "a configuration file holds one YAML document; remove the second '---' and what follows");
                    }
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    break;
                case AnchorAlias alias:
                    // An alias takes a key's or a value's place like any node; skipping it
                    // would pair the following keys with the wrong values.
                    Place(frames, alias, diagnostics);
                    break;
                case NodeEvent node:
                    var path = Place(frames, node, diagnostics);
                    if (node is MappingStart or SequenceStart && frames.Count >= MaxDepth)
                        throw new SextantException(diagnostics.Format(node.Start.Line,
                            $"mappings and lists are nested more than {MaxDepth} levels deep; a configuration file needs only a few"));
                    if (node is MappingStart mapping) frames.Push(new Frame(path, '{', mapping.Style == MappingStyle.Flow, node.Start.Line));
                    else if (node is SequenceStart sequence) frames.Push(new Frame(path, '[', sequence.Style == SequenceStyle.Flow, node.Start.Line));
                    break;
            }
        }
    }

    /// <summary>
    /// The parser's MoveNext, except that the InvalidOperationException YamlDotNet 16 throws
    /// for some unclosed flow collections becomes the syntax error it stands for.
    /// </summary>
    private static bool MoveNext(Parser parser, Stack<Frame> frames, ConfigDiagnostics diagnostics)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException e)
        {
            var open = frames.FirstOrDefault(frame => frame.IsFlow);
            var message = open is null
                ? diagnostics.Format(parser.Current?.End.Line ?? 1, "invalid YAML: the file could not be parsed after this line")
                : diagnostics.Format(open.StartLine, $"invalid YAML: the '{open.Opener}' on this line is never closed");
            throw new SextantException(message, e);
        }
    }

    /// <summary>Records <paramref name="node"/> in its parent and returns its path.</summary>
    private static string Place(Stack<Frame> frames, ParsingEvent node, ConfigDiagnostics diagnostics)
    {
        if (!frames.TryPeek(out var parent)) return "";
        if (!parent.IsMapping) return $"{parent.Path}[{parent.NextIndex++}]";
        if (!parent.AtKey)
        {
            parent.AtKey = true;
            return parent.PendingKey is null ? parent.Path + ".?" : Join(parent.Path, parent.PendingKey);
        }
        parent.AtKey = false;
        parent.PendingKey = null;
        if (node is Scalar { Value: var key })
        {
            parent.PendingKey = key;
            if (parent.KeyLines.TryGetValue(key, out var firstLine))
            {
                diagnostics.Report(node.Start, $"duplicate key '{Join(parent.Path, key)}' (first set on line {firstLine})");
            }
            else
            {
                parent.KeyLines.Add(key, node.Start.Line);
            }
        }
        return parent.Path + ".?";
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>YamlDotNet places tab errors at the start of the enclosing mapping.</summary>
    private static bool IsTabError(YamlException e) => e.Message.Contains(" tab ", StringComparison.Ordinal);

    private static long? FirstTabIndentedLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart(' ').StartsWith('\t')) return i + 1;
        }
        return null;
    }

    private sealed class Frame(string path, char opener, bool isFlow, long startLine)
    {
        public string Path { get; } = path;
        public bool IsMapping { get; } = opener == '{';
        public char Opener { get; } = opener;
        public bool IsFlow { get; } = isFlow;
        public long StartLine { get; } = startLine;
        public Dictionary<string, long> KeyLines { get; } = new(StringComparer.Ordinal);
        public bool AtKey { get; set; } = true;
        public string? PendingKey { get; set; }
        public int NextIndex { get; set; }
    }
}
