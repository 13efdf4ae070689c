using System.Globalization;

namespace Sextant.Ingest.Mapping;

/// <summary>
/// Reads money amounts (revenue, MRR) written as text in one declared format, and nothing else:
/// an optional sign, digits, and a decimal separator followed by digits. A thousands separator
/// is accepted only when declared, and then only between groups of three digits. So
/// <c>12,50</c>, <c>1,2,3</c> and <c>12-</c> are refused rather than read as 1250, 123 and −12,
/// which a lenient reader would do without a word. JSON numbers are always read as JSON.
/// </summary>
internal sealed class StrictDecimal
{
    /// <summary>Thousands separators that can be declared; <c>space</c> means a space, no-break space or narrow no-break space.</summary>
    public static readonly IReadOnlyList<string> ThousandsSeparators = [",", ".", "'", "_", "space"];

    private readonly char _decimalSeparator;
    private readonly string? _groupSeparators;

    /// <exception cref="SextantException">The thousands separator is unknown or is also the decimal separator.</exception>
    public StrictDecimal(bool decimalComma, string? thousandsSeparator)
    {
        _decimalSeparator = decimalComma ? ',' : '.';
        _groupSeparators = thousandsSeparator switch
        {
            null => null,
            "space" => " \u00A0\u202F",
            _ when ThousandsSeparators.Contains(thousandsSeparator) => thousandsSeparator,
            _ => throw new SextantException(
                $"thousands separator '{thousandsSeparator}' is not one of {string.Join(" ", ThousandsSeparators)}"),
        };
        if (_groupSeparators?.Contains(_decimalSeparator, StringComparison.Ordinal) == true)
            throw new SextantException($"thousands separator '{thousandsSeparator}' is also the decimal separator; declare a decimal comma or another thousands separator");
        var group = _groupSeparators is null ? "" : _groupSeparators[..1];
        Expected = $"expected e.g. 1{group}234{_decimalSeparator}50"
            + (_groupSeparators is null ? ", without thousands separators" : "")
            + (decimalComma ? "" : "; declare other formats with --decimal-comma or --thousands-separator");
    }

    /// <summary>The format in words, for quarantine reasons.</summary>
    public string Expected { get; }

    /// <summary>Parses <paramref name="text"/>: as JSON when it was a JSON number, else in the declared format.</summary>
    public bool TryParse(string text, bool jsonNumber, out decimal value)
    {
        if (jsonNumber) return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        value = 0;
        var plain = new char[text.Length + 1];
        var length = 0;
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+') plain[length++] = text[i++];
        int digits = 0, sinceSeparator = 0;
        var grouped = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                plain[length++] = c;
                digits++;
                sinceSeparator++;
            }
            else if (_groupSeparators is not null && _groupSeparators.Contains(c, StringComparison.Ordinal))
            {
                // The first group has one to three digits, every later one exactly three.
                if (grouped ? sinceSeparator != 3 : sinceSeparator is < 1 or > 3) return false;
                grouped = true;
                sinceSeparator = 0;
            }
            else
            {
                break;
            }
        }
        if (grouped && sinceSeparator != 3) return false;
        if (i < text.Length && text[i] == _decimalSeparator)
        {
            plain[length++] = '.';
            var fraction = 0;
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, fraction++) plain[length++] = text[i];
            if (fraction == 0) return false;
            digits += fraction;
        }
        return i == text.Length && digits > 0 && decimal.TryParse(plain.AsSpan(0, length),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
