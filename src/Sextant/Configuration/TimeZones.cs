using System.Diagnostics.CodeAnalysis;

namespace Sextant.Configuration;

/// <summary>Looks up IANA time zone names (Europe/Paris, America/New_York, UTC).</summary>
internal static class TimeZones
{
    /// <summary>What a time zone key expects, as written in error messages.</summary>
    public const string Expectation = "an IANA time zone name";

    /// <summary>
    /// Finds the zone named <paramref name="id"/>. Windows names are refused even where the
    /// platform could translate them, so one file behaves the same on every machine.
    /// </summary>
    public static bool TryFindIana(string id, [MaybeNullWhen(false)] out TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(id)
            && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)
            && found.HasIanaId)
        {
            zone = found;
            return true;
        }
        zone = null;
        return false;
    }
}
