using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sextant.Configuration;

/// <summary>
/// Turns configuration text into its top-level mapping. A first pass over the parser's events
/// finds syntax errors, extra documents and duplicate keys (the representation model refuses a
/// duplicate key without saying where the first one was); the second pass builds the node tree.
/// </summary>
internal static partial class YamlDocumentReader
{
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
                case YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" }:
                    return null;
                default:
                    var found = root is YamlSequenceNode ? "a list" : $"'{(root as YamlScalarNode)?.Value}'";
                    diagnostics.Report(root.Start, $"expects a mapping of settings (key: value lines) at the top level, got {found}");
                    return null;
            }
        }
        catch (YamlException e)
        {
            throw new SextantException(diagnostics.Format(e.Start.Line, "invalid YAML: " + Reason(e)), e);
        }
    }

    private static void CheckStructure(string text, ConfigDiagnostics diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        var documents = 0;
        while (parser.MoveNext())
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
                case NodeEvent node:
                    var path = Place(frames, node, diagnostics);
                    if (node is MappingStart) frames.Push(new Frame(path, isMapping: true));
                    else if (node is SequenceStart) frames.Push(new Frame(path, isMapping: false));
                    break;
            }
        }
    }

    /// <summary>Records <paramref name="node"/> in its parent and returns its path.</summary>
    private static string Place(Stack<Frame> frames, NodeEvent node, ConfigDiagnostics diagnostics)
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

    /// <summary>YamlDotNet prefixes its messages with the position, which our prefix already gives.</summary>
    private static string Reason(YamlException e)
    {
        var reason = PositionPrefix().Replace(e.Message, "").Trim();
        return reason.Length == 0 ? "the file could not be parsed" : reason;
    }

    [GeneratedRegex(@"^\s*\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    private sealed class Frame(string path, bool isMapping)
    {
        public string Path { get; } = path;
        public bool IsMapping { get; } = isMapping;
        public Dictionary<string, long> KeyLines { get; } = new(StringComparer.Ordinal);
        public bool AtKey { get; set; } = true;
        public string? PendingKey { get; set; }
        public int NextIndex { get; set; }
    }
}
