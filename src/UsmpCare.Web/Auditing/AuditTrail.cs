using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace UsmpCare.Web.Auditing;

/// <summary>
/// Appends to the audit trail: the hosted writer. Appends are serialised by a transaction-scoped advisory lock so the
/// chain has one order; rows are sealed with <see cref="AuditKey"/>; the chain is read and verified by <see cref="AuditChain"/>.
/// </summary>
/// <remarks>
/// Group commit (issue #9, ADR 0012): appends are queued in a bounded channel and written by this one background
/// writer, many rows per transaction, so the lock, the read of the chain's tail and the commit's flush are paid once
/// per batch instead of once per page. The hand-off stays durable: <see cref="AppendAsync"/> returns only once its own
/// row is committed, and throws if it could not be, so a page is never served without its audit row (P16). A failed
/// batch is retried row by row, so a row the database refuses fails only its own request. On stop the queue is closed
/// and drained: rows appended before the host stops are written, none is dropped (One way #4).
/// Partitions (ADR 0013): the writer has the month of its rows created by <c>audit.ensure_month_partition</c> the first
/// time this process writes in it, and reads and moves the chain's head (<see cref="AuditChainHead"/>) instead of
/// searching the last row across every partition.
/// </remarks>
public sealed class AuditTrail(IConfiguration configuration, AuditKey key, TimeProvider clock) : BackgroundService
{
    private const long LockId = 0x5553_4D50; // "USMP"
    private const int MaxBatch = 256;

    /// <summary>Bounded: past this many rows waiting, pages wait to queue theirs instead of growing memory without end.</summary>
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(16 * MaxBatch)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>
    /// First days (UTC) of the months whose partition is known to exist, so an append costs nothing more until the
    /// month changes. Touched by the single writer only; forgotten when a batch fails, so a partition dropped behind
    /// the process's back is created again by the next attempt.
    /// </summary>
    private readonly HashSet<DateTime> _monthsReady = [];

    /// <summary>Whether the key was checked against the chain's head: once per process, before its first row.</summary>
    private bool _keyChecked;

    /// <summary>A row waiting for its commit; <paramref name="NextKey"/> is set on a rotation row only.</summary>
    private sealed record Pending(AuditEvent Entry, TaskCompletionSource Committed, byte[]? NextKey = null);

    /// <summary>Pauses between attempts: a database restart (a few seconds) must not cost an audit row.</summary>
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Appends one row and returns once it is committed (see the remarks on the class).</summary>
    public Task AppendAsync(AuditEvent entry, CancellationToken cancel = default) => QueueAsync(new Pending(entry, NewCompletion()), cancel);

    /// <summary>
    /// Appends the rotation row, sealed with the current key and naming both keys' fingerprints; once it is committed,
    /// this process seals with <paramref name="next"/>. Other instances must be stopped first (docs/operations.md).
    /// </summary>
    public async Task<AuditEvent> RotateKeyAsync(byte[] next, string by, CancellationToken cancel = default)
    {
        var row = new AuditEvent { UserName = by, Action = AuditAction.KeyRotated, Status = StatusCodes.Status200OK };
        await QueueAsync(new Pending(row, NewCompletion(), next), cancel);
        return row;
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task QueueAsync(Pending pending, CancellationToken cancel)
    {
        // A row queued to a writer that never runs would keep its page waiting for ever: say it instead.
        _ = ExecuteTask ?? throw new InvalidOperationException("Le journal d'audit n'est pas démarré (service hébergé AuditTrail) : rien n'est écrit.");
        try
        {
            await _queue.Writer.WriteAsync(pending, cancel);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("Le journal d'audit est fermé (arrêt en cours) : rien n'est écrit.");
        }
        // An aborted request stops waiting, but its row is still written: the access was attempted.
        await pending.Committed.Task.WaitAsync(cancel);
    }

    /// <summary>Closes the queue, then waits for the writer to commit every row already in it.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } writing)
        {
            await writing.WaitAsync(cancellationToken);
        }
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Runs until the queue is closed and empty: the stopping token is ignored, so stopping never drops a row.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
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
        var sealing = key.Current;
        // Hardening #4: a process given another key than the chain's (a command, an instance started before the check)
        // writes nothing rather than rows no key verifies.
        if (!_keyChecked && await AuditChain.KeyRefusalAsync(connection, transaction, sealing) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        _keyChecked = true;
        // The head, not « ORDER BY id DESC LIMIT 1 »: over ~240 monthly partitions that query plans and merges every one
        // of them: about 15 ms under the lock (75 ms and more on a new connection) instead of 0.05 ms (measured, ADR 0013).
        var (lastId, previousHash) = await AuditChain.ReadHeadAsync(connection, transaction)
            ?? throw new InvalidOperationException("La tête de chaîne du journal d'audit (audit.chain_head) est absente : rien n'est écrit.");
        await using var insert = new NpgsqlBatch(connection, transaction);
        var months = new HashSet<DateTime>();
        foreach (var (entry, _, nextKey) in batch)
        {
            entry.Id = ++lastId;
            entry.PreviousHash = previousHash;
            // PostgreSQL keeps microseconds: the signed time must be the stored one.
            var now = clock.GetUtcNow();
            entry.At = now.AddTicks(-(now.Ticks % 10));
            if (nextKey is not null)
            {
                entry.Target = AuditKey.RotationTarget(AuditKey.FingerprintOf(sealing), AuditKey.FingerprintOf(nextKey));
            }
            entry.Hash = AuditKey.Seal(sealing, entry);
            // The rotation row is sealed with the old key; the rows after it, in this batch too, with the new one.
            sealing = nextKey ?? sealing;
            previousHash = entry.Hash;
            months.Add(MonthOf(entry.At));
            var command = new NpgsqlBatchCommand($"""
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
        if (sealing != key.Current)
        {
            key.Install(sealing);
        }
    }

    private static DateTime MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
