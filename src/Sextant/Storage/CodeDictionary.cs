namespace Sextant.Storage;

/// <summary>A dense string dictionary: code c (from 1) stands for <see cref="Values"/>[c − 1]; 0 stands for no value.</summary>
public sealed class CodeDictionary
{
    private readonly StringCodeMap _codes;

    /// <summary>A dictionary of <paramref name="values"/>, coded 1, 2, … in order.</summary>
    /// <exception cref="ArgumentException">A value is null or occurs twice.</exception>
    public CodeDictionary(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _codes = new StringCodeMap();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] ?? throw new ArgumentException($"dictionary value {i + 1} is null", nameof(values));
            if (_codes.TryGetValue(value, out _)) throw new ArgumentException($"dictionary value '{value}' occurs twice", nameof(values));
            _codes.Add(value, i + 1);
        }
        Values = values;
    }

    /// <summary>Wraps values whose code map a store has already built (no second pass over them).</summary>
    internal CodeDictionary(IReadOnlyList<string> values, StringCodeMap codes)
    {
        Values = values;
        _codes = codes;
    }

    /// <summary>The values, in code order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Number of values; the largest code.</summary>
    public int Count => Values.Count;

    /// <summary>The code of <paramref name="value"/>, if it is in the dictionary.</summary>
    public bool TryGetCode(string value, out int code) => _codes.TryGetValue(value, out code);
}
