using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace UsmpCare.Web.Auditing;

/// <summary>
/// Reads the audit chain: its head, its tail for the anchors, the check of the key at start, and the verification of
/// every row across key rotations. Plain Npgsql, like the writer (<see cref="AuditTrail"/>).
/// </summary>
public sealed class AuditChain(IConfiguration configuration, AuditKey key, TimeProvider clock)
{
    private const string Columns = "id, at, user_id, user_name, roles, action, target, patient_id, unit_id, status, previous_hash, hash";

    /// <summary>
    /// The chain's head, or null if its row is missing. The head is trusted to chain on, never to verify: a head
    /// moved back or forward makes the next rows reuse or skip ids and carry a previous seal that is not their
    /// predecessor's, which <see cref="VerifyAsync"/> names; verification also compares the head with the last row.
    /// </summary>
    internal static async Task<(long Id, string Hash)?> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        CancellationToken cancel = default)
    {
        await using var command = new NpgsqlCommand("SELECT id, hash FROM audit.chain_head", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        return await reader.ReadAsync(cancel) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>
    /// Null when <paramref name="sealing"/> is the key in force at the chain's head, else the French reason to refuse it:
    /// sealing new rows with another key would chain them to rows that key cannot verify (Hardening #4). The head row is
    /// checked with the key itself, or, when it is a rotation, by the new key's fingerprint it names. An empty trail,
    /// or a head whose row is gone (verify-audit names that), accepts any key.
    /// </summary>
    internal static async Task<string?> KeyRefusalAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, byte[] sealing,
        CancellationToken cancel = default)
    {
        if (await ReadHeadAsync(connection, transaction, cancel) is not { Id: > 0 } head)
        {
            return null;
        }
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM audit.audit_events WHERE id = @id AND hash = @hash LIMIT 1",
            connection, transaction);
        command.Parameters.AddWithValue("id", head.Id);
        command.Parameters.AddWithValue("hash", head.Hash);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel))
        {
            return null;
        }
        var row = Read(reader, out _);
        var inForce = AuditKey.TryReadRotation(row, out _, out var next) ? next
            : Verifies(sealing, row) ? AuditKey.FingerprintOf(sealing) : null;
        return inForce == AuditKey.FingerprintOf(sealing) ? null
            : $"La clé du journal d'audit (Audit__Key, empreinte {AuditKey.FingerprintOf(sealing)}) ne vérifie pas la dernière ligne du " +
              $"journal (ligne {row.Id}) : ce n'est pas la clé en vigueur. UsmpCare refuse de sceller de nouvelles lignes avec elle. " +
              "Redonnez la clé en vigueur, ou changez de clé avec la commande rotate-audit-key (docs/operations.md) ; " +
              "si la clé est la bonne, la dernière ligne a été modifiée : lancez verify-audit.";
    }

    /// <summary><see cref="KeyRefusalAsync(NpgsqlConnection, NpgsqlTransaction?, byte[], CancellationToken)"/> for the configured key.</summary>
    public async Task<string?> KeyRefusalAsync(CancellationToken cancel = default)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString(configuration));
        await connection.OpenAsync(cancel);
        try
        {
            return await KeyRefusalAsync(connection, null, key.Current, cancel);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return "La base de données n'a pas de journal d'audit (audit.chain_head) : appliquez d'abord les migrations (commande migrate).";
        }
    }

    /// <summary>
    /// The last row's id and seal, to be copied where the database's administrators cannot write; null for an empty
    /// trail. Read from the head: an anchor taken from a forged head names a row that verification then finds absent
    /// or sealed otherwise.
    /// </summary>
    public async Task<AuditAnchor?> TailAsync(string? connectionString = null, CancellationToken cancel = default)
    {
        await using var connection = new NpgsqlConnection(connectionString ?? Database.ConnectionString(configuration));
        await connection.OpenAsync(cancel);
        var (id, hash) = await ReadHeadAsync(connection, null, cancel)
            ?? throw new InvalidOperationException("La tête de chaîne du journal d'audit (audit.chain_head) est absente.");
        return id == 0 ? null : new AuditAnchor(clock.GetUtcNow(), id, hash);
    }

    /// <summary>
    /// Walks the whole chain; returns the problems found, each naming the row where the chain breaks. The chain alone
    /// cannot show that its last rows were deleted: the anchors (tails copied out earlier) can. Each row is checked
    /// with the key in force when it was written: the first rotation row names the first key, each rotation row the
    /// next one; a key missing from the configuration is named once, with the rows it leaves unchecked.
    /// </summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(string? connectionString = null, CancellationToken cancel = default,
        IReadOnlyList<AuditAnchor>? anchors = null)
    {
        var problems = new List<string>();
        var sealedById = new Dictionary<long, string>();
        var wanted = anchors?.Select(a => a.Id).ToHashSet() ?? [];
        await using var connection = new NpgsqlConnection(connectionString ?? Database.ConnectionString(configuration));
        await connection.OpenAsync(cancel);
        // One snapshot for the head and the rows: appends commit both together, so they agree unless someone tampered.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancel);
        var head = await ReadHeadAsync(connection, snapshot, cancel);
        var inForce = await FirstKeyAsync(connection, snapshot, cancel) ?? key.Fingerprint;
        var sealing = key.Find(inForce);
        long? uncheckedFrom = null;
        void KeyMissing(long upTo)
        {
            if (uncheckedFrom is { } from)
            {
                problems.Add($"lignes {from} à {upTo} : scellées avec la clé d'empreinte {inForce}, absente de la configuration " +
                             "(Audit:Key, Audit:PreviousKeys) — non vérifiées");
                uncheckedFrom = null;
            }
        }
        // The id is no longer unique by itself in the database (the partitioned key is (id, at)): a duplicate is named.
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM audit.audit_events ORDER BY id, at", connection, snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        long expectedId = 1;
        var previousHash = "";
        while (await reader.ReadAsync(cancel))
        {
            var row = Read(reader, out var known);
            if (!known)
            {
                problems.Add($"ligne {row.Id} : action inconnue — ligne insérée ?");
            }
            if (row.Id < expectedId)
            {
                problems.Add($"ligne {row.Id} : en double — ligne insérée ?");
            }
            else if (row.Id != expectedId)
            {
                problems.Add($"ligne {expectedId} à {row.Id - 1} : absente(s) — supprimée(s) ?");
            }
            if (row.PreviousHash != previousHash)
            {
                problems.Add($"ligne {row.Id} : ne suit pas la ligne précédente (ligne supprimée ou insérée avant elle)");
            }
            if (sealing is null)
            {
                uncheckedFrom ??= row.Id;
            }
            else if (!Verifies(sealing, row))
            {
                problems.Add($"ligne {row.Id} : modifiée ou insérée (son sceau ne correspond pas)");
            }
            if (AuditKey.TryReadRotation(row, out var from, out var to))
            {
                if (from != inForce)
                {
                    problems.Add($"ligne {row.Id} : rotation depuis la clé {from}, mais la clé en vigueur était {inForce}");
                }
                KeyMissing(row.Id);
                (inForce, sealing) = (to, key.Find(to));
            }
            expectedId = row.Id + 1;
            previousHash = row.Hash;
            if (wanted.Contains(row.Id))
            {
                sealedById[row.Id] = row.Hash;
            }
        }
        await reader.CloseAsync();
        await snapshot.CommitAsync(cancel);
        KeyMissing(expectedId - 1);
        if (inForce != key.Fingerprint)
        {
            problems.Add($"clé : la chaîne est scellée en dernier avec la clé {inForce}, Audit:Key est la clé {key.Fingerprint}");
        }
        if (head is not { } h)
        {
            problems.Add("tête de chaîne (audit.chain_head) absente : le journal ne peut plus être complété");
        }
        else if (h.Id != expectedId - 1)
        {
            problems.Add($"tête de chaîne : elle désigne la ligne {h.Id}, la chaîne s'arrête à la ligne {expectedId - 1} — lignes finales supprimées ou tête modifiée ?");
        }
        else if (!string.Equals(h.Hash, previousHash, StringComparison.Ordinal))
        {
            problems.Add($"tête de chaîne : son sceau diffère de celui de la ligne {h.Id} — tête modifiée ?");
        }
        foreach (var anchor in anchors ?? [])
        {
            if (!sealedById.TryGetValue(anchor.Id, out var hash))
            {
                problems.Add(anchor.Id >= expectedId
                    ? $"ancre du {anchor.At:yyyy-MM-dd HH:mm} UTC : la chaîne s'arrête à la ligne {expectedId - 1}, l'ancre scellait la ligne {anchor.Id} — lignes finales supprimées ?"
                    : $"ancre du {anchor.At:yyyy-MM-dd HH:mm} UTC : la ligne {anchor.Id} est absente — supprimée ?");
            }
            else if (!string.Equals(hash, anchor.Hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"ligne {anchor.Id} : son sceau diffère de l'ancre du {anchor.At:yyyy-MM-dd HH:mm} UTC — chaîne réécrite ?");
            }
        }
        return problems;
    }

    /// <summary>The fingerprint of the key the chain started with, as its first rotation names it; null without rotation.</summary>
    private static async Task<string?> FirstKeyAsync(NpgsqlConnection connection, NpgsqlTransaction snapshot, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM audit.audit_events WHERE action = '{nameof(AuditAction.KeyRotated)}' ORDER BY id, at LIMIT 1
            """, connection, snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        return await reader.ReadAsync(cancel) && AuditKey.TryReadRotation(Read(reader, out _), out var from, out _) ? from : null;
    }

    private static bool Verifies(byte[] sealing, AuditEvent row) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(AuditKey.Seal(sealing, row)), Encoding.ASCII.GetBytes(row.Hash));

    private static AuditEvent Read(NpgsqlDataReader reader, out bool knownAction)
    {
        knownAction = Enum.TryParse<AuditAction>(reader.GetString(5), out var action);
        return new AuditEvent
        {
            Id = reader.GetInt64(0),
            At = reader.GetFieldValue<DateTimeOffset>(1),
            UserId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
            UserName = reader.GetString(3),
            Roles = reader.GetString(4),
            Action = action,
            Target = reader.GetString(6),
            PatientId = reader.IsDBNull(7) ? null : reader.GetGuid(7),
            UnitId = reader.IsDBNull(8) ? null : reader.GetGuid(8),
            Status = reader.GetInt32(9),
            PreviousHash = reader.GetString(10),
            Hash = reader.GetString(11),
        };
    }
}
