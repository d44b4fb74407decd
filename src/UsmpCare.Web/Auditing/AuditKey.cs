using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace UsmpCare.Web.Auditing;

/// <summary>
/// The HMAC key of the audit trail (P16), from configuration (« Audit:Key »), never from the database; and the keys it
/// replaced (« Audit:PreviousKeys:0 », …), which only verification needs. A key is named by its fingerprint, never
/// written anywhere: a rotation row of the chain names the old and the new key's fingerprints.
/// </summary>
public sealed partial class AuditKey
{
    /// <summary>Used in Development only, when no Audit:Key is configured.</summary>
    public const string DevelopmentKey = "usmpcare-development-audit-key";

    private readonly Dictionary<string, byte[]> _known = new(StringComparer.Ordinal);
    private volatile byte[] _current;

    public AuditKey(IConfiguration configuration, IHostEnvironment environment)
    {
        _current = Required(configuration["Audit:Key"], environment.IsDevelopment(), "Audit:Key");
        foreach (var previous in configuration.GetSection("Audit:PreviousKeys").GetChildren())
        {
            Remember(KeyBytes(previous.Value ?? throw new InvalidOperationException($"{previous.Path} est vide.")));
        }
        Remember(_current);
    }

    /// <summary>The key new rows are sealed with.</summary>
    public byte[] Current => _current;

    public string Fingerprint => FingerprintOf(_current);

    /// <summary>The configured (or, in this process, rotated-from) key with this fingerprint; null when unknown.</summary>
    public byte[]? Find(string fingerprint)
    {
        lock (_known)
        {
            return _known.GetValueOrDefault(fingerprint);
        }
    }

    /// <summary>Called by the writer once the rotation row is committed: later rows are sealed with <paramref name="next"/>.</summary>
    internal void Install(byte[] next)
    {
        Remember(next);
        _current = next;
    }

    private void Remember(byte[] key)
    {
        lock (_known)
        {
            _known[FingerprintOf(key)] = key;
        }
    }

    /// <summary>
    /// The row's HMAC under <paramref name="key"/>. Public so the bulk data generator (bench/) seals the rows it loads
    /// with exactly this code, and <c>verify-audit</c> accepts them.
    /// </summary>
    public static string Seal(byte[] key, AuditEvent entry) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(entry.Canonical())));

    /// <summary>
    /// 16 hex digits naming a key: an HMAC of a fixed text, so it says which key sealed a row without revealing it.
    /// </summary>
    public static string FingerprintOf(byte[] key) =>
        Convert.ToHexString(HMACSHA256.HashData(key, "UsmpCare audit key fingerprint"u8))[..16];

    /// <summary>The key's bytes as the app derives them from « Audit:Key » (UTF-8 of the configured text).</summary>
    public static byte[] KeyBytes(string? configured) =>
        Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(configured) ? DevelopmentKey : configured);

    /// <summary>A key given to the app or to <c>rotate-audit-key</c>: present, and 32 characters at least outside Development.</summary>
    public static byte[] Required(string? key, bool development, string name)
    {
        if (!string.IsNullOrWhiteSpace(key))
        {
            if (key.Length < 32 && !development)
            {
                throw new InvalidOperationException($"{name} est trop courte : 32 caractères au moins.");
            }
            return Encoding.UTF8.GetBytes(key);
        }
        if (development)
        {
            // Development only: a real deployment must provide its own key (docs/operations.md).
            return Encoding.UTF8.GetBytes(DevelopmentKey);
        }
        throw new InvalidOperationException($"{name} est absent : la clé du journal d'audit doit être fournie hors de la base (variable {name.Replace(":", "__")}).");
    }

    /// <summary>The target of a <see cref="AuditAction.KeyRotated"/> row: which key sealed the chain up to it, which one after.</summary>
    public static string RotationTarget(string from, string to) => $"clé d'audit {from} → {to}";

    public static bool TryReadRotation(AuditEvent row, out string from, out string to)
    {
        var match = row.Action == AuditAction.KeyRotated ? RotationPattern().Match(row.Target) : Match.Empty;
        (from, to) = match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : ("", "");
        return match.Success;
    }

    [GeneratedRegex("^clé d'audit ([0-9A-F]{16}) → ([0-9A-F]{16})$")]
    private static partial Regex RotationPattern();
}
