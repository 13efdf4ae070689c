using System.Globalization;

namespace Sextant.Application.Requests;

/// <summary>
/// The parameters of one analysis request in text form, as a command line, an HTTP query string
/// or a query document gives them: each name maps to its values in order (a repeated
/// <c>breakdown</c> has several). Names are the command-line option names without the dashes,
/// so <c>--window 7d</c>, <c>?window=7d</c> and <c>{"window": "7d"}</c> are the same request.
/// </summary>
public sealed class RequestParameters
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Parameters from name → values; <paramref name="optionStyle"/> makes messages name fields as options (<c>--window</c>) rather than as fields (<c>window</c>).</summary>
    public RequestParameters(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> values, bool optionStyle = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, list) in values)
            if (list.Count > 0) _values[name] = list;
        OptionStyle = optionStyle;
    }

    /// <summary>No parameters.</summary>
    public static RequestParameters None { get; } = new([]);

    /// <summary>True when messages name fields as command-line options.</summary>
    public bool OptionStyle { get; }

    /// <summary>The field as a message names it: <c>--window</c> on the command line, <c>window</c> elsewhere.</summary>
    public string Label(string name) => OptionStyle ? "--" + name : name;

    /// <summary>The single value of a field, or null when it is absent.</summary>
    /// <exception cref="SextantException">The field is given more than once.</exception>
    public string? Text(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var list)) return null;
        if (list.Count > 1) throw Invalid(name, $"{Label(name)} is given {list.Count} times: expected one value");
        return list[0];
    }

    /// <summary>Every value of a repeatable field, in order; empty when absent.</summary>
    public IReadOnlyList<string> Texts(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var list) ? list : [];
    }

    /// <summary>A whole number, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="SextantException">The text is not a whole number, or is below <paramref name="min"/>.</exception>
    public int Int(string name, int fallback, int min = int.MinValue)
    {
        if (Text(name) is not { } text) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Invalid(name, $"{Label(name)} '{text}' is not a whole number");
        if (value < min) throw Invalid(name, $"{Label(name)} must be {min} or more, got {value}");
        return value;
    }

    /// <summary>A true/false switch; absent is false.</summary>
    /// <exception cref="SextantException">The text is neither true nor false.</exception>
    public bool Flag(string name) => Text(name) switch
    {
        null => false,
        var t when t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1" => true,
        var t when t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0" => false,
        var t => throw Invalid(name, $"{Label(name)} '{t}' is not true or false"),
    };

    /// <summary>One of the allowed texts, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="SextantException">The text is not one of <paramref name="allowed"/>.</exception>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var text = Text(name) ?? fallback;
        if (!allowed.Contains(text, StringComparer.Ordinal))
            throw Invalid(name, $"{Label(name)} '{text}' is not one of: {string.Join(", ", allowed)}");
        return text;
    }

    /// <summary>
    /// Runs <paramref name="read"/>, marking a <see cref="SextantException"/> it throws with the
    /// field, so an HTTP answer can name it (<see cref="FieldOf"/>).
    /// </summary>
    public T Field<T>(string name, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (SextantException e) when (!e.Data.Contains(FieldKey))
        {
            e.Data[FieldKey] = name;
            throw;
        }
    }

    /// <summary>Like <see cref="Field{T}(string, Func{T})"/> for a check that returns nothing.</summary>
    public void Field(string name, Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        Field(name, () =>
        {
            check();
            return true;
        });
    }

    /// <summary>Throws for the first field given that the request never read: a misspelt field is an error, not ignored.</summary>
    /// <exception cref="SextantException">A field is not one the analysis takes.</exception>
    public void RejectUnread(string analysis)
    {
        foreach (var name in _values.Keys.Order(StringComparer.Ordinal))
            if (!_read.Contains(name))
                throw Invalid(name, $"{analysis} takes no {Label(name)} (it takes: {string.Join(", ", _read.Order(StringComparer.Ordinal).Select(Label))})");
    }

    /// <summary>The field a request error is about, or null.</summary>
    public static string? FieldOf(Exception exception) => exception?.Data[FieldKey] as string;

    /// <summary>An error about one field.</summary>
    public static SextantException Invalid(string name, string message)
    {
        var error = new SextantException(message);
        error.Data[FieldKey] = name;
        return error;
    }

    private const string FieldKey = "sextant.field";
}
