using System.Security.Cryptography;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>
/// RFC 6238 written again for the tests (HMAC-SHA1, 30-second steps, 6 digits), independent of the app's own, so that
/// a test signs in the way an authenticator app would.
/// </summary>
public static class TestTotp
{
    public static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Key, long step)
    {
        var key = FromBase32(base32Key);
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("000000");
    }

    public static string CodeNow(string base32Key) => Code(base32Key, StepNow());

    private static byte[] FromBase32(string text)
    {
        var bits = string.Concat(text.Replace(" ", "").ToUpperInvariant()
            .Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
