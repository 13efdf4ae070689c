using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Event ids of vendor rows, chosen so the same event arriving from two tools is stored once.
/// Segment forwards its <c>messageId</c> as Mixpanel's <c>$insert_id</c> and Amplitude's
/// <c>insert_id</c>, and each tool dedups on that insert id with the event's name and time
/// (Mixpanel: event, distinct_id, time, $insert_id). Our id is a hash of the insert id, the
/// event name and the event's Unix second, without the distinct id, since each tool names the
/// person differently (an anonymous id in one, the user id in the other). Rows with no insert
/// id get the content hash of any other row (DATA_MODEL.md).
/// </summary>
internal static class VendorEventIds
{
    /// <summary>The id of an event a tool sent with an insert id, or null when it has none.</summary>
    /// <param name="insertId">$insert_id, insert_id, messageId or the event uuid.</param>
    /// <param name="eventName">The event name as stored.</param>
    /// <param name="unixMicroseconds">The event's instant.</param>
    public static string? FromInsertId(string? insertId, string? eventName, long unixMicroseconds)
    {
        if (string.IsNullOrWhiteSpace(insertId) || eventName is null) return null;
        var second = Math.DivRem(unixMicroseconds, 1_000_000L, out var rest) - (rest < 0 ? 1 : 0);
        var text = string.Join('\u001f', insertId.Trim(), eventName.Trim(), second.ToString(CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return "ins-" + Convert.ToHexStringLower(hash[..16]);
    }
}
