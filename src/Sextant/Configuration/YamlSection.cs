using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sextant.Configuration;

/// <summary>Parses the text of a scalar; returns false when the text is not acceptable.</summary>
internal delegate bool ScalarParser<T>(string text, [MaybeNullWhen(false)] out T value);

/// <summary>
/// One mapping of a configuration file, read key by key. Every getter records the key it
/// asked for, so that <see cref="ReportUnknownKeys"/> can reject whatever the binder never
/// asked for and list what it did. A missing key or an explicit null (<c>~</c>, <c>null</c>,
/// nothing after the colon) yields the default. Problems are reported to the shared
/// <see cref="ConfigDiagnostics"/> and the getter returns the default, so binding goes on and
/// every problem in the file is found in one pass.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode? _node;
    private readonly ConfigDiagnostics _diagnostics;
    private readonly List<string> _askedKeys = [];
    private readonly List<YamlSection> _children = [];

    private YamlSection(YamlMappingNode? node, string path, ConfigDiagnostics diagnostics)
    {
        _node = node;
        Path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Dotted path of this section from the top of the file; empty at the top.</summary>
    public string Path { get; }

    /// <summary>True when the file has this section (not absent, not null).</summary>
    public bool Exists => _node is not null;

    /// <summary>The line the section starts on (0 when it is absent).</summary>
    public long Line => _node?.Start.Line ?? 0;

    /// <summary>The file name messages use.</summary>
    public string SourceName => _diagnostics.SourceName;

    /// <summary>Wraps the top-level mapping; <paramref name="node"/> is null for an empty file.</summary>
    public static YamlSection Root(YamlMappingNode? node, ConfigDiagnostics diagnostics) =>
        new(node, "", diagnostics);

    /// <summary>A string that is not empty or blank.</summary>
    public string GetString(string key, string defaultValue) =>
        Get(key, defaultValue, "a non-empty string", TryNonEmpty);

    /// <summary>A string that is not empty or blank, or null when the key is absent or null.</summary>
    public string? GetOptionalString(string key, string expectation = "a non-empty string") =>
        Get<string?>(key, null, expectation, (string text, out string? value) =>
        {
            value = text;
            return !string.IsNullOrWhiteSpace(text);
        });

    /// <summary>One of a fixed set of words, compared exactly.</summary>
    public string GetChoice(string key, string defaultValue, IReadOnlyList<string> choices) =>
        Get(key, defaultValue, "one of " + string.Join(" | ", choices), (string text, [MaybeNullWhen(false)] out string value) =>
        {
            value = text;
            return choices.Contains(text, StringComparer.Ordinal);
        });

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int GetInt(string key, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var expectation = (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "a whole number",
            (_, int.MaxValue) => string.Create(CultureInfo.InvariantCulture, $"a whole number of at least {min}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}"),
        };
        return Get(key, defaultValue, expectation, (string text, out int value) =>
            int.TryParse(WithoutDigitSeparators(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max);
    }

    /// <summary>
    /// A finite number that <paramref name="isValid"/> accepts; <paramref name="expectation"/>
    /// says which numbers those are ("a positive number").
    /// </summary>
    public double GetDouble(string key, double defaultValue, string expectation = "a number", Func<double, bool>? isValid = null) =>
        Get(key, defaultValue, expectation, (string text, out double value) =>
            double.TryParse(WithoutDigitSeparators(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value)
            && (isValid is null || isValid(value)));

    /// <summary>Like <see cref="GetDouble"/>, but null when the key is absent or null.</summary>
    public double? GetOptionalDouble(string key, string expectation = "a number", Func<double, bool>? isValid = null) =>
        Get<double?>(key, null, expectation, (string text, out double? value) =>
        {
            value = null;
            if (!double.TryParse(WithoutDigitSeparators(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                || !double.IsFinite(number) || (isValid is not null && !isValid(number))) return false;
            value = number;
            return true;
        });

    /// <summary><c>true</c> or <c>false</c>, in any letter case.</summary>
    public bool GetBool(string key, bool defaultValue) =>
        Get(key, defaultValue, "true or false", (string text, out bool value) =>
            bool.TryParse(text, out value));

    /// <summary>
    /// A scalar converted by <paramref name="parse"/>; when it fails the error reads
    /// "'path' expects <paramref name="expectation"/>, got 'text'".
    /// </summary>
    public T Get<T>(string key, T defaultValue, string expectation, ScalarParser<T> parse)
    {
        if (Find(key) is not (var keyNode, var value)) return defaultValue;
        if (value is not YamlScalarNode scalar)
        {
            Report(keyNode, $"'{PathOf(key)}' expects {expectation}, got {Describe(value)}");
            return defaultValue;
        }
        var text = scalar.Value ?? "";
        if (parse(text, out var parsed)) return parsed;
        Report(keyNode, $"'{PathOf(key)}' expects {expectation}, got '{text}'");
        return defaultValue;
    }

    /// <summary>A list of non-empty strings; empty when the key is absent or null.</summary>
    public IReadOnlyList<string> GetStringList(string key)
    {
        if (Find(key) is not (var keyNode, var value)) return ReadOnlyCollection<string>.Empty;
        if (value is not YamlSequenceNode sequence)
        {
            Report(keyNode, $"'{PathOf(key)}' expects a list, got {Describe(value)}");
            return ReadOnlyCollection<string>.Empty;
        }
        var items = new List<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            if (AsNonEmptyText(item) is { } text) items.Add(text);
            else Report(item, string.Create(CultureInfo.InvariantCulture, $"'{PathOf(key)}[{i}]' expects a non-empty string, got {Describe(item)}"));
        }
        return items.Count == 0 ? ReadOnlyCollection<string>.Empty : items.AsReadOnly();
    }

    /// <summary>
    /// A mapping from non-empty names to non-empty strings, in file order; empty when the key
    /// is absent or null.
    /// </summary>
    public IReadOnlyDictionary<string, string> GetStringMap(string key)
    {
        if (Find(key) is not (var keyNode, var value)) return ReadOnlyDictionary<string, string>.Empty;
        if (value is not YamlMappingNode mapping)
        {
            Report(keyNode, $"'{PathOf(key)}' expects a mapping of name: value pairs, got {Describe(value)}");
            return ReadOnlyDictionary<string, string>.Empty;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entryKey, entryValue) in mapping.Children)
        {
            if (AsNonEmptyText(entryKey) is not { } name)
            {
                Report(entryKey, $"'{PathOf(key)}' has a key that is not a non-empty name: {Describe(entryKey)}");
                continue;
            }
            if (AsNonEmptyText(entryValue) is { } text) map[name] = text;
            else Report(entryKey, $"'{PathOf(key)}.{name}' expects a non-empty string, got {Describe(entryValue)}");
        }
        return map.Count == 0 ? ReadOnlyDictionary<string, string>.Empty : map.AsReadOnly();
    }

    /// <summary>A nested mapping; an empty section when the key is absent or null.</summary>
    public YamlSection GetSection(string key)
    {
        YamlMappingNode? node = null;
        if (Find(key) is (var keyNode, var value))
        {
            if (value is YamlMappingNode mapping) node = mapping;
            else Report(keyNode, $"'{PathOf(key)}' expects a mapping of settings, got {Describe(value)}");
        }
        var child = new YamlSection(node, PathOf(key), _diagnostics);
        _children.Add(child);
        return child;
    }

    /// <summary>A list of mappings, each read as a section named <c>key[i]</c>.</summary>
    public IReadOnlyList<YamlSection> GetSectionList(string key)
    {
        if (Find(key) is not (var keyNode, var value)) return ReadOnlyCollection<YamlSection>.Empty;
        if (value is not YamlSequenceNode sequence)
        {
            Report(keyNode, $"'{PathOf(key)}' expects a list, got {Describe(value)}");
            return ReadOnlyCollection<YamlSection>.Empty;
        }
        var sections = new List<YamlSection>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"{PathOf(key)}[{i}]");
            if (item is YamlMappingNode mapping) sections.Add(new YamlSection(mapping, path, _diagnostics));
            else Report(item, $"'{path}' expects a mapping of settings, got {Describe(item)}");
        }
        _children.AddRange(sections);
        return sections.AsReadOnly();
    }

    /// <summary>Where the section starts, as messages name it ("sextant.yaml line 12"); empty for a section the file does not have.</summary>
    public string Location => _node is null ? "" : _diagnostics.Format(_node.Start.Line, "").TrimEnd(' ', ':');

    /// <summary>Reports a problem with the section as a whole, at its first line: "'path' <paramref name="problem"/>".</summary>
    public void ReportProblem(string problem)
    {
        if (_node is not null) Report(_node, $"'{Path}' {problem}");
    }

    /// <summary>
    /// Reports every key of this section and of the sections read from it that no getter
    /// asked for. Call once, on the top section, after binding.
    /// </summary>
    public void ReportUnknownKeys()
    {
        if (_node is not null)
        {
            foreach (var entryKey in _node.Children.Keys)
            {
                if (entryKey is YamlScalarNode { Value: { } name } && _askedKeys.Contains(name)) continue;
                var expected = _askedKeys.Count == 0 ? "this section takes no keys" : "expected one of: " + string.Join(", ", _askedKeys);
                var problem = entryKey is YamlScalarNode scalar
                    ? $"unknown key '{PathOf(scalar.Value ?? "")}'"
                    : $"{(Path.Length == 0 ? "" : $"'{Path}' ")}keys must be names, got {Describe(entryKey)}";
                Report(entryKey, $"{problem} ({expected})");
            }
        }
        foreach (var child in _children) child.ReportUnknownKeys();
    }

    private (YamlNode Key, YamlNode Value)? Find(string key)
    {
        if (!_askedKeys.Contains(key)) _askedKeys.Add(key);
        if (_node is null) return null;
        foreach (var (entryKey, value) in _node.Children)
        {
            if (entryKey is YamlScalarNode { Value: var name } && name == key)
            {
                return IsNull(value) ? null : (entryKey, value);
            }
        }
        return null;
    }

    private string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    private void Report(YamlNode node, string message) => _diagnostics.Report(node.Start, message);

    private static bool TryNonEmpty(string text, [MaybeNullWhen(false)] out string value)
    {
        value = text;
        return !string.IsNullOrWhiteSpace(text);
    }

    private static string? AsNonEmptyText(YamlNode node) =>
        node is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar) && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>YAML's plain null spellings; a quoted 'null' is the string "null".</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Names what was found, for "expects X, got Y" messages.</summary>
    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unexpected value",
    };

    /// <summary>Allows 10_000_000 for readability, as YAML 1.1 and many configuration files do.</summary>
    private static string WithoutDigitSeparators(string text) =>
        text.Length > 2 && text.Contains('_', StringComparison.Ordinal) && char.IsAsciiDigit(text[^1])
            && char.IsAsciiDigit(text.TrimStart('-', '+')[0])
            ? text.Replace("_", "", StringComparison.Ordinal)
            : text;
}
