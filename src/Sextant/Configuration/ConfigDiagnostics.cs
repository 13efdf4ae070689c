using System.Globalization;
using YamlDotNet.Core;

namespace Sextant.Configuration;

/// <summary>
/// Collects the problems found in one configuration file so the user sees all of them at
/// once, in line order, instead of fixing one error per run.
/// </summary>
internal sealed class ConfigDiagnostics(string sourceName)
{
    private readonly List<(long Line, string Message)> _errors = [];

    /// <summary>The file name used in messages.</summary>
    public string SourceName { get; } = sourceName;

    /// <summary>Whether any problem has been reported.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Records a problem found at <paramref name="mark"/>.</summary>
    public void Report(Mark mark, string message) => _errors.Add((mark.Line, message));

    /// <summary>Formats one message the way every configuration error reads.</summary>
    public string Format(long line, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{SourceName} line {line}: {message}");

    /// <summary>Throws one <see cref="SextantException"/> listing every problem, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count == 0) return;
        // OrderBy is stable: problems on the same line keep the order they were found in.
        var lines = _errors.OrderBy(error => error.Line).Select(error => Format(error.Line, error.Message));
        throw new SextantException(string.Join('\n', lines));
    }
}
