using System.Security.Cryptography;
using System.Text;

namespace Sextant.Privacy;

/// <summary>
/// Replaces a person's ids with pseudonyms: <c>p-</c> and the first 128 bits of
/// HMAC-SHA256(key, UTF-8 id) in lower-case hex (32 characters). The same key gives the same
/// pseudonym in every run and file, so identities still link; without the key an id cannot be
/// recomputed from a candidate (unlike a plain hash, which a list of e-mail addresses reverses).
/// 128 bits make a collision negligible: among a billion ids the odds of any two sharing a
/// pseudonym are about n²/2¹²⁹ ≈ 1.5 × 10⁻²¹ (docs/PRIVACY.md).
/// </summary>
public sealed class Pseudonymiser
{
    /// <summary>The environment variable the key is read from.</summary>
    public const string KeyVariable = "SEXTANT_PSEUDONYM_KEY";

    /// <summary>The shortest key accepted, in bytes of its UTF-8 text (256 bits, the HMAC-SHA256 block's half).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>What every pseudonym starts with, so a pseudonymised store is recognisable.</summary>
    public const string Prefix = "p-";

    private const int HexChars = 32;
    private readonly byte[] _key;

    /// <summary>Creates a pseudonymiser with a key of at least <see cref="MinKeyBytes"/> bytes.</summary>
    /// <exception cref="SextantException">The key is shorter.</exception>
    public Pseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
            throw new SextantException($"{KeyVariable} is {key.Length} bytes long; expected at least {MinKeyBytes} (e.g. the output of 'openssl rand -hex 32')");
        _key = (byte[])key.Clone();
    }

    /// <summary>The key from <see cref="KeyVariable"/> (its UTF-8 text, as written).</summary>
    /// <exception cref="SextantException">The variable is not set or too short.</exception>
    public static Pseudonymiser FromEnvironment(Func<string, string?>? environment = null)
    {
        var text = (environment ?? Environment.GetEnvironmentVariable)(KeyVariable);
        if (string.IsNullOrEmpty(text))
            throw new SextantException($"pseudonymisation needs a key: set {KeyVariable} to a secret of at least {MinKeyBytes} characters (e.g. the output of 'openssl rand -hex 32') and keep it for every later ingest and forget");
        return new Pseudonymiser(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The pseudonym of <paramref name="id"/>; null stays null.</summary>
    public string? Of(string? id)
    {
        if (id is null) return null;
        var byteCount = Encoding.UTF8.GetByteCount(id);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(id, buffer);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, buffer, mac);
        return Prefix + Convert.ToHexStringLower(mac[..(HexChars / 2)]);
    }
}
