using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Sextant.Privacy;

/// <summary>
/// Finds e-mail addresses, IP addresses and phone numbers inside text and replaces each with its
/// placeholder (<c>[email]</c>, <c>[ip]</c>, <c>[phone]</c>). The rules lean towards few false
/// positives on the values analytics events carry (versions, dates, times, ids), as docs/PRIVACY.md
/// lists: an IPv4 address is four dotted octets 0–255 without leading zeros and not part of a
/// longer dotted number; an IPv6 address is whatever .NET parses as one among tokens of hex digits,
/// colons and dots with at least two colons; a phone number starts with + and has 8–15 digits, or
/// is written 3-3-4 with separators (<c>555-123-4567</c>, <c>(555) 123 4567</c>).
/// </summary>
internal static partial class PiiPatterns
{
    /// <summary>The placeholder of an e-mail address.</summary>
    public const string Email = "[email]";

    /// <summary>The placeholder of an IPv4 or IPv6 address.</summary>
    public const string Ip = "[ip]";

    /// <summary>The placeholder of a phone number.</summary>
    public const string Phone = "[phone]";

    // local@domain.tld: the characters RFC 5322 allows unquoted in practice, a dotted domain and a letter TLD.
    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Four octets, none with a leading zero, not touching another digit or dot-digit (1.2.3.4.5 is a version).
    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();

    // Candidate IPv6 tokens: hex digits, colons (at least two) and dots, standing alone.
    [GeneratedRegex(@"(?<![\w:.])(?=[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]+(?![\w:.])", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Candidate();

    // + country code and groups separated by at most one space, dot, dash or bracket.
    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){1,7}(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    // 3-3-4 with separators: 555-123-4567, 555.123.4567, (555) 123-4567.
    [GeneratedRegex(@"(?<![\w.+-])(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w.-]*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPhone();

    /// <summary>
    /// <paramref name="text"/> with every match replaced, or the same instance when nothing
    /// matched; <paramref name="counts"/> grows by what was replaced.
    /// </summary>
    public static string Scrub(string text, ref PiiCounts counts)
    {
        // Every pattern needs an @ or a digit (an IPv6 address written with hex letters alone is not looked for); most values have neither.
        if (text.AsSpan().IndexOfAny(Triggers) < 0) return text;
        var emails = 0;
        var ips = 0;
        var phones = 0;
        var result = EmailPattern().Replace(text, _ => { emails++; return Email; });
        // IPv6 first: an IPv4-mapped address (::ffff:10.0.0.1) is one address, not a prefix and an IPv4 one.
        result = Ipv6Candidate().Replace(result, match =>
        {
            if (!IsIpv6(match.Value)) return match.Value;
            ips++;
            return Ip;
        });
        result = Ipv4Pattern().Replace(result, _ => { ips++; return Ip; });
        result = InternationalPhone().Replace(result, match =>
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            if (digits is < 8 or > 15) return match.Value;
            phones++;
            return Phone;
        });
        result = LocalPhone().Replace(result, _ => { phones++; return Phone; });
        if (emails + ips + phones == 0) return text;
        counts = counts with { Emails = counts.Emails + emails, IpAddresses = counts.IpAddresses + ips, PhoneNumbers = counts.PhoneNumbers + phones };
        return result;
    }

    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("@0123456789");

    private static bool IsIpv6(string token) =>
        token.Any(char.IsAsciiHexDigit) && IPAddress.TryParse(token, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
}
