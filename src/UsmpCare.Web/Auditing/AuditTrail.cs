using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Auditing;

/// <summary>
/// Appends to and verifies the audit trail. Appends are serialised by a transaction-scoped advisory lock so the chain
/// has one order; the HMAC key comes from configuration (« Audit:Key »), never from the database.
/// </summary>
/// <remarks>
/// Group commit (issue #9): concurrent appends are queued and written by one writer, many rows per transaction, so
/// the lock, the read of the chain's tail and the commit's flush are paid once per batch instead of once per page.
/// The hand-off stays durable: <see cref="AppendAsync"/> returns only once its own row is committed, and throws if
/// it could not be, so a page is never served without its audit row (P16). A failed batch is retried row by row, so
/// a row the database refuses fails only its own request.
/// Partitions (ADR 0013): the table is partitioned by calendar month; the writer has the month of its rows created
/// by <c>audit.ensure_month_partition</c> the first time this process writes in it, and reads and moves the chain's
/// head (<see cref="AuditChainHead"/>) instead of searching the last row across every partition.
/// </remarks>
public sealed class AuditTrail(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock) : IDisposable
{
    private const long LockId = 0x5553_4D50; // "USMP"
    private const int MaxBatch = 256;
    private readonly byte[] _key = KeyFrom(configuration, environment);
    private readonly System.Threading.Channels.Channel<Pending> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private int _writerStarted;

    /// <summary>
    /// First days (UTC) of the months whose partition is known to exist, so an append costs nothing more until the
    /// month changes. Touched by the single writer only; forgotten when a batch fails, so a partition dropped behind
    /// the process's back is created again by the next attempt.
    /// </summary>
    private readonly HashSet<DateTime> _monthsReady = [];

    private sealed record Pending(AuditEvent Entry, TaskCompletionSource Committed);

    /// <summary>Pauses between attempts: a database restart (a few seconds) must not cost an audit row.</summary>
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Appends one row and returns once it is committed (see the remarks on the class).</summary>
    public async Task AppendAsync(AuditEvent entry, CancellationToken cancel = default)
    {
        if (Interlocked.Exchange(ref _writerStarted, 1) == 0)
        {
            _ = Task.Run(WriteLoopAsync, CancellationToken.None);
        }
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Le journal d'audit est fermé (arrêt en cours).");
        }
        // An aborted request stops waiting, but its row is still written: the access was attempted.
        await pending.Committed.Task.WaitAsync(cancel);
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await WriteRetryingAsync(batch);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (PostgresException) when (batch.Count > 1)
            {
                // The server refused a statement, so the transaction rolled back and nothing of the batch was
                // written: retrying row by row cannot duplicate one, and isolates the row at fault. (A lost
                // connection fails the whole batch instead: its commit may have happened.)
                foreach (var one in batch)
                {
                    try
                    {
                        await WriteAsync([one]);
                        one.Committed.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        one.Committed.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                // Every request of the batch learns that its row is not written: none may wait forever.
                batch.ForEach(p => p.Committed.TrySetException(e));
            }
        }
    }

    /// <summary>
    /// Writes a batch, retrying transient failures for about 8 s: the pages' own writes went through EF Core's
    /// retrying strategy and may already be committed, so giving up at the first refused connection during a database
    /// restart would leave writes without their rows (DatabaseRestartTests). A connection lost after the commit was
    /// sent may, rarely, write the batch twice: a duplicated audit row, still chained, rather than a missing one.
    /// </summary>
    private async Task WriteRetryingAsync(IReadOnlyList<Pending> batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteAsync(batch);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < Retries.Length)
            {
                await Task.Delay(Retries[attempt]);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString(configuration));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockId})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }
        // The head, not « ORDER BY id DESC LIMIT 1 »: over ~240 monthly partitions that query plans and merges every one
        // of them: about 15 ms under the lock (75 ms and more on a new connection) instead of 0.05 ms (measured, ADR 0013).
        var (lastId, previousHash) = await ReadHeadAsync(connection, transaction)
            ?? throw new InvalidOperationException("La tête de chaîne du journal d'audit (audit.chain_head) est absente : rien n'est écrit.");
        await using var insert = new NpgsqlBatch(connection, transaction);
        var months = new HashSet<DateTime>();
        foreach (var entry in batch.Select(p => p.Entry))
        {
            entry.Id = ++lastId;
            entry.PreviousHash = previousHash;
            // PostgreSQL keeps microseconds: the signed time must be the stored one.
            var now = clock.GetUtcNow();
            entry.At = now.AddTicks(-(now.Ticks % 10));
            entry.Hash = Sign(entry);
            previousHash = entry.Hash;
            months.Add(MonthOf(entry.At));
            var command = new NpgsqlBatchCommand("""
                INSERT INTO audit.audit_events (id, at, user_id, user_name, roles, action, target, patient_id, unit_id, status, previous_hash, hash)
                VALUES (@id, @at, @user_id, @user_name, @roles, @action, @target, @patient_id, @unit_id, @status, @previous_hash, @hash)
                """);
            command.Parameters.AddWithValue("id", entry.Id);
            command.Parameters.AddWithValue("at", entry.At);
            command.Parameters.Add(new NpgsqlParameter("user_id", NpgsqlDbType.Uuid) { Value = (object?)entry.UserId ?? DBNull.Value });
            command.Parameters.AddWithValue("user_name", entry.UserName);
            command.Parameters.AddWithValue("roles", entry.Roles);
            command.Parameters.AddWithValue("action", entry.Action.ToString());
            command.Parameters.AddWithValue("target", entry.Target);
            command.Parameters.Add(new NpgsqlParameter("patient_id", NpgsqlDbType.Uuid) { Value = (object?)entry.PatientId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("unit_id", NpgsqlDbType.Uuid) { Value = (object?)entry.UnitId ?? DBNull.Value });
            command.Parameters.AddWithValue("status", entry.Status);
            command.Parameters.AddWithValue("previous_hash", entry.PreviousHash);
            command.Parameters.AddWithValue("hash", entry.Hash);
            insert.BatchCommands.Add(command);
        }
        // A row whose month has no partition would be refused: the first row of a month creates it, in this transaction
        // and under the lock, so instances do not race for it and a rolled-back batch leaves nothing half made.
        foreach (var month in months.Where(m => !_monthsReady.Contains(m)))
        {
            var ensure = new NpgsqlBatchCommand("SELECT audit.ensure_month_partition(@month)");
            ensure.Parameters.AddWithValue("month", new DateTimeOffset(month, TimeSpan.Zero));
            insert.BatchCommands.Insert(0, ensure);
        }
        var head = new NpgsqlBatchCommand("UPDATE audit.chain_head SET id = @id, hash = @hash");
        head.Parameters.AddWithValue("id", lastId);
        head.Parameters.AddWithValue("hash", previousHash);
        insert.BatchCommands.Add(head);
        try
        {
            await insert.ExecuteNonQueryAsync();
            if (head.RecordsAffected != 1)
            {
                throw new InvalidOperationException("La tête de chaîne du journal d'audit (audit.chain_head) n'a pas pu être avancée : rien n'est écrit.");
            }
            await transaction.CommitAsync();
        }
        catch
        {
            _monthsReady.ExceptWith(months);
            throw;
        }
        _monthsReady.UnionWith(months);
    }

    private static DateTime MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The chain's head, or null if its row is missing. The head is trusted to chain on, never to verify: a head
    /// moved back or forward makes the next rows reuse or skip ids and carry a previous seal that is not their
    /// predecessor's, which <see cref="VerifyAsync"/> names; verification also compares the head with the last row.
    /// </summary>
    private static async Task<(long Id, string Hash)?> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        CancellationToken cancel = default)
    {
        await using var command = new NpgsqlCommand("SELECT id, hash FROM audit.chain_head", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        return await reader.ReadAsync(cancel) ? (reader.GetInt64(0), reader.GetString(1)) : null;
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
    /// cannot show that its last rows were deleted: the anchors (tails copied out earlier) can.
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
        // The id is no longer unique by itself in the database (the partitioned key is (id, at)): a duplicate is named.
        await using var command = new NpgsqlCommand("""
            SELECT id, at, user_id, user_name, roles, action, target, patient_id, unit_id, status, previous_hash, hash
            FROM audit.audit_events ORDER BY id, at
            """, connection, snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        long expectedId = 1;
        var previousHash = "";
        while (await reader.ReadAsync(cancel))
        {
            if (!Enum.TryParse<AuditAction>(reader.GetString(5), out var action))
            {
                problems.Add($"ligne {reader.GetInt64(0)} : action inconnue — ligne insérée ?");
            }
            var row = new AuditEvent
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
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(row)), Encoding.ASCII.GetBytes(row.Hash)))
            {
                problems.Add($"ligne {row.Id} : modifiée ou insérée (son sceau ne correspond pas)");
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

    private string Sign(AuditEvent entry) => Seal(_key, entry);

    /// <summary>
    /// The row's HMAC under <paramref name="key"/>. Public so the bulk data generator (bench/) seals the rows it loads
    /// with exactly this code, and <c>verify-audit</c> accepts them.
    /// </summary>
    public static string Seal(byte[] key, AuditEvent entry) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(entry.Canonical())));

    /// <summary>The key's bytes as the app derives them from « Audit:Key » (UTF-8 of the configured text).</summary>
    public static byte[] KeyBytes(string? configured) =>
        Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(configured) ? DevelopmentKey : configured);

    /// <summary>Used in Development only, when no Audit:Key is configured.</summary>
    public const string DevelopmentKey = "usmpcare-development-audit-key";

    private static byte[] KeyFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var key = configuration["Audit:Key"];
        if (!string.IsNullOrWhiteSpace(key))
        {
            if (key.Length < 32 && !environment.IsDevelopment())
            {
                throw new InvalidOperationException("Audit:Key est trop courte : 32 caractères au moins.");
            }
            return Encoding.UTF8.GetBytes(key);
        }
        if (environment.IsDevelopment())
        {
            // Development only: a real deployment must provide its own key (docs/operations.md).
            return Encoding.UTF8.GetBytes(DevelopmentKey);
        }
        throw new InvalidOperationException("Audit:Key est absent : la clé du journal d'audit doit être fournie hors de la base (variable Audit__Key).");
    }
}

/// <summary>
/// The tail of the chain at a moment: « at;id;seal », one per line in an anchor file. Kept outside the database
/// (another server, a WORM share, the coordinator's paper register), it shows a deletion of the last rows, which the
/// chain alone cannot (ONC 170.315(d)(10), CNIL logging recommendation: integrity of the traces).
/// </summary>
public sealed record AuditAnchor(DateTimeOffset At, long Id, string Hash)
{
    public override string ToString() =>
        string.Join(';', At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Hash);

    /// <summary>Reads an anchor file; a line that is not an anchor is a problem, never silently skipped.</summary>
    public static IReadOnlyList<AuditAnchor> ParseAll(IEnumerable<string> lines, out IReadOnlyList<string> problems)
    {
        var anchors = new List<AuditAnchor>();
        var errors = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Trim().Split(';');
            if (parts.Length == 3
                && DateTimeOffset.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id)
                && parts[2].Length == 64 && parts[2].All(Uri.IsHexDigit))
            {
                anchors.Add(new AuditAnchor(at, id, parts[2]));
            }
            else
            {
                errors.Add($"ancre ligne {number} illisible (attendu « date;numéro;sceau »)");
            }
        }
        problems = errors;
        return anchors;
    }
}
