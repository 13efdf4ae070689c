using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.Experiments;

/// <summary>One exposed user: entity index, arm index and first exposure instant.</summary>
internal readonly record struct Exposure(int User, int Arm, long At);

/// <summary>
/// Per-user values of one metric, measured from exposure over the analysis window (or, for the
/// CUPED covariate, over the same length of time just before exposure). A user whose window has
/// not ended by the data end is not eligible for a conversion-within or active-on-day metric
/// (right-censoring); counts and sums are cut at the data end.
/// </summary>
internal sealed class MetricValues
{
    private readonly EventTable _table;
    private readonly MetricSpec _spec;
    private readonly bool[] _active;
    private readonly int _event;
    private readonly int _denominator;
    private readonly bool _sumAllEvents;
    private readonly int[]? _propertyCodes;
    private readonly double[]? _propertyValues;

    public MetricValues(EventTable table, MetricSpec spec, bool[] active)
    {
        _table = table;
        _spec = spec;
        _active = active;
        _event = spec.Event is null ? -1 : table.EventCode(spec.Event);
        _denominator = spec.Denominator is null ? -1 : table.EventCode(spec.Denominator);
        _sumAllEvents = spec.Event is null;
        if (spec.Kind == MetricKind.Trait)
        {
            var column = table.Attributes[spec.Property!] ?? throw new SextantException(
                NameCheck.Unknown("profile trait", spec.Property!, $"metric '{spec.Text}'", table.Attributes.Names));
            _propertyCodes = column.Codes;
            _propertyValues = new double[column.Values.Length + 1];
            _propertyValues[0] = double.NaN;
            for (var i = 0; i < column.Values.Length; i++) _propertyValues[i + 1] = TraitNumber(column.Values[i]);
        }
        if (spec.Kind == MetricKind.Sum)
        {
            var column = table.Property(spec.Property!);
            _propertyCodes = column.Codes;
            // Parse each distinct value once; text that is not a number counts as 0.
            _propertyValues = new double[column.Values.Length + 1];
            for (var i = 0; i < column.Values.Length; i++)
                _propertyValues[i + 1] = double.TryParse(column.Values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : 0;
        }
    }

    /// <summary>True / false (any case) as 1 / 0, numbers as themselves, anything else as missing.</summary>
    internal static double TraitNumber(string text) =>
        bool.TryParse(text, out var flag) ? (flag ? 1 : 0)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : double.NaN;

    /// <summary>True when every known value of a trait metric is 0 or 1.</summary>
    public bool IsZeroOne => _spec.IsProportion || (_spec.Kind == MetricKind.Trait && _propertyValues!.Skip(1).All(v => v is 0 or 1 || double.IsNaN(v)));

    /// <summary>
    /// The user's value (numerator) and, for ratios, denominator; false when not eligible.
    /// <paramref name="window"/> is the analysis window length; <paramref name="before"/> measures the pre-exposure covariate.
    /// </summary>
    public bool TryMeasure(Exposure exposure, long window, long dataEnd, bool before, out double value, out double denominator)
    {
        value = 0;
        denominator = 0;
        if (_spec.Kind == MetricKind.Trait)
        {
            // A trait has no time: it is the user's profile value, and before exposure there is none.
            value = before ? 0 : _propertyValues![_propertyCodes![exposure.User]];
            return !double.IsNaN(value);
        }
        var calendar = _table.Calendar;
        var length = _spec.Within is { } within ? within.Ticks / 10 : window;
        long from, to;
        if (_spec.Kind == MetricKind.ActiveOnDay)
        {
            var day = calendar.DayOf(exposure.At) + (before ? -_spec.Day - _spec.Span + 1 : _spec.Day);
            from = calendar.DayStart(day);
            to = calendar.DayStart(day + _spec.Span) - 1;
            if (!before && to > dataEnd) return false;
        }
        else if (before)
        {
            from = exposure.At - length;
            to = exposure.At - 1;
        }
        else
        {
            from = exposure.At;
            to = exposure.At + length;
            if (_spec.Kind == MetricKind.Conversion && _spec.Within is not null && to > dataEnd) return false;
            to = Math.Min(to, dataEnd);
        }

        for (var row = _table.UserOffsets[exposure.User]; row < _table.UserOffsets[exposure.User + 1]; row++)
        {
            var t = _table.Timestamps[row];
            if (t < from) continue;
            if (t > to) break;
            var code = _table.EventCodes[row];
            switch (_spec.Kind)
            {
                case MetricKind.Conversion when code == _event:
                case MetricKind.ActiveOnDay when _active[code]:
                    value = 1;
                    return true;
                case MetricKind.Count when code == _event:
                    value++;
                    break;
                case MetricKind.Sum when _sumAllEvents || code == _event:
                    value += _propertyValues![_propertyCodes![row]];
                    break;
                case MetricKind.Ratio:
                    if (code == _event) value++;
                    if (code == _denominator) denominator++;
                    break;
            }
        }
        return true;
    }
}
