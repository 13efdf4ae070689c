namespace Sextant.Privacy;

/// <summary>How many personal values scrubbing replaced, by kind.</summary>
/// <param name="Emails">E-mail addresses replaced by <c>[email]</c>.</param>
/// <param name="IpAddresses">IPv4 and IPv6 addresses replaced by <c>[ip]</c>.</param>
/// <param name="PhoneNumbers">Phone numbers replaced by <c>[phone]</c>.</param>
public readonly record struct PiiCounts(long Emails, long IpAddresses, long PhoneNumbers)
{
    /// <summary>Every replacement.</summary>
    public long Total => Emails + IpAddresses + PhoneNumbers;

    /// <summary>The sum of two counts.</summary>
    public static PiiCounts operator +(PiiCounts left, PiiCounts right) =>
        new(left.Emails + right.Emails, left.IpAddresses + right.IpAddresses, left.PhoneNumbers + right.PhoneNumbers);
}
