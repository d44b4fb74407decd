using System.Security.Cryptography;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30-second steps, 6 digits.
/// Identity's own provider hides which step matched, which the replay guard needs (ASVS V2.8.4).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Code(string base32Key, long step) => Code(Base32Decode(base32Key), step);

    /// <summary>RFC 4648 base32, the form authenticator apps take a key in; spaces and case are ignored.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0)
            {
                throw new FormatException("Clé base32 invalide.");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }

    /// <summary>« ABCD EFGH … »: a key typed by hand is read four characters at a time.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))))
            .ToUpperInvariant();

    /// <summary>The otpauth:// URI of the enrolment QR code (Google Authenticator key-URI format).</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={key.Replace(" ", "").ToUpperInvariant()}&issuer={System.Uri.EscapeDataString(issuer)}&digits={Digits}&period={StepSeconds}";

    /// <summary>The digits of a typed code (« 123 456 », « 123-456 »), or null when it is not a 6-digit code.</summary>
    public static string? Normalize(string? typed)
    {
        var digits = new string((typed ?? "").Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
