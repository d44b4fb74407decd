using UsmpCare.Domain.Patients;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Interop;

/// <summary>What an import did, or why it wrote nothing.</summary>
public sealed record MovementImportReport(
    string FileName,
    string EncodingName,
    char Separator,
    int DataLines,
    int Created,
    int Updated,
    int Applied,
    int AlreadyImported,
    IReadOnlyList<RejectedLine> Ignored,
    IReadOnlyList<RejectedLine> Rejected,
    IReadOnlyList<string> DroppedColumns,
    IReadOnlyList<string> UnknownColumns,
    string? FileProblem,
    TimeSpan Elapsed)
{
    /// <summary>All or nothing per file: one refused line, and nothing of the file is written.</summary>
    public bool Written => FileProblem is null && Rejected.Count == 0;

    /// <summary>The report in French, one fact a line, as the page and the command print it.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"Fichier « {FileName} » : {DataLines} ligne(s) de mouvement, encodage {EncodingName}" +
                     (Separator == default ? "." : $", séparateur « {Separator} ».");
        foreach (var column in DroppedColumns)
        {
            yield return $"Colonne ignorée : {column} (P29 — jamais enregistrée)";
        }
        foreach (var column in UnknownColumns)
        {
            yield return $"Colonne inconnue ignorée : {column}";
        }
        if (FileProblem is not null)
        {
            yield return $"Fichier refusé : {FileProblem} Rien n'a été importé.";
            yield break;
        }
        foreach (var line in Rejected)
        {
            yield return $"Ligne {line.LineNumber} refusée : {line.Reason}";
        }
        if (!Written)
        {
            yield return $"{Rejected.Count} ligne(s) refusée(s) : rien n'a été importé (import tout ou rien). Corrigez ces lignes puis importez de nouveau le fichier entier.";
            yield break;
        }
        foreach (var line in Ignored)
        {
            yield return $"Ligne {line.LineNumber} ignorée : {line.Reason}";
        }
        yield return $"{Applied} mouvement(s) appliqué(s), {AlreadyImported} déjà importé(s), {Ignored.Count} ignoré(s) ; " +
                     $"{Created} patient(s) créé(s), {Updated} mis à jour.";
    }
}

/// <summary>
/// Applies a movements file to one unit's roster: creates or updates the patients, sets their status and dates, and
/// journals each movement in <c>core.prison_movements</c>. Everything is validated first, then written by one
/// SaveChanges (one transaction): a refused line means nothing is written, so a file never lands half-way. A movement
/// already journaled (same écrou, kind, date) is counted « déjà importé »: re-importing a file changes nothing.
/// </summary>
public static class MovementImport
{
    public static async Task<MovementImportReport> RunAsync(AppDbContext db, AuditTrail trail, Guid unitId, string fileName,
        byte[] content, AuditEvent who, string byName, DateTimeOffset now, CancellationToken cancel = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var file = MovementFile.Parse(content);
        var ignored = new List<RejectedLine>();
        int created = 0, updated = 0, applied = 0, already = 0;

        MovementImportReport Report() => new(fileName, file.EncodingName, file.Separator, file.DataLines, created, updated,
            applied, already, ignored, file.Rejected, file.DroppedColumns, file.UnknownColumns, file.FileProblem,
            started.Elapsed);

        if (file.FileProblem is not null || file.Rejected.Count > 0)
        {
            return Report();
        }

        // One query each for the unit's roster and its journal: a 100,000-line file is matched in memory.
        // Not tracked: only the patients a line touches are attached, so 100,000 known patients cost no change tracking.
        var patients = await db.Patients.AsNoTracking().Where(p => p.UnitId == unitId).ToDictionaryAsync(p => p.Ecrou, cancel);
        var journal = await db.PrisonMovements.AsNoTracking().Where(m => m.UnitId == unitId)
            .Select(m => new { m.Ecrou, m.Kind, m.Date }).ToListAsync(cancel);
        var done = journal.Select(m => (m.Ecrou, m.Kind, m.Date)).ToHashSet();
        var latest = journal.GroupBy(m => m.Ecrou).ToDictionary(g => g.Key, g => g.Max(m => m.Date));
        var before = new Dictionary<Guid, (Patient Patient, string Snapshot)>();
        var createdIds = new HashSet<Guid>();
        var movements = new List<PrisonMovement>();
        var newPatients = new List<Patient>();

        foreach (var line in file.Lines.OrderBy(l => l.Date).ThenBy(l => l.LineNumber))
        {
            if (!done.Add((line.Ecrou, line.Kind, line.Date)))
            {
                already++;
                continue;
            }
            if (!patients.TryGetValue(line.Ecrou, out var patient))
            {
                if (line.Kind is MovementKind.Release or MovementKind.TransferOut)
                {
                    // Nobody to update: the person left before the unit knew him, and a chart is not opened for that.
                    ignored.Add(new RejectedLine(line.LineNumber,
                        $"{PrisonMovement.Label(line.Kind)} de l'écrou {line.Ecrou}, inconnu de l'unité (aucune arrivée connue)"));
                    done.Remove((line.Ecrou, line.Kind, line.Date));
                    continue;
                }
                patient = new Patient(unitId, line.Ecrou, line.LastName, line.FirstName, line.BirthDate, line.Sex, line.Date);
                patients[patient.Ecrou] = patient;
                newPatients.Add(patient);
                createdIds.Add(patient.Id);
                created++;
            }
            else if (!createdIds.Contains(patient.Id) && before.TryAdd(patient.Id, (patient, Snapshot(patient))))
            {
                db.Patients.Attach(patient);
            }
            Apply(patient, line, latest);
            movements.Add(new PrisonMovement(unitId, patient.Id, line.Ecrou, line.Kind, line.Date, line.Establishment,
                byName, now));
            applied++;
        }
        updated = before.Values.Count(b => Snapshot(b.Patient) != b.Snapshot);

        if (applied > 0)
        {
            try
            {
                // One transaction: the updates of known patients, then the new patients and the journal by COPY
                // (SaveChanges took ~55 s for 100,000 lines, COPY a few seconds: docs/performance.md).
                // Retried as a whole by the execution strategy if the connection drops; changes are accepted once committed.
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancel);
                    await BulkCopy.CopyAsync(db, newPatients, cancel);
                    await BulkCopy.CopyAsync(db, movements, cancel);
                    await transaction.CommitAsync(cancel);
                });
                db.ChangeTracker.AcceptAllChanges();
            }
            catch (Exception e) when (e is DbUpdateException or Npgsql.PostgresException { SqlState: "23505" or "40001" or "23503" })
            {
                db.ChangeTracker.Clear();
                throw new Domain.DomainException(
                    "Un autre import des mêmes mouvements vient d'aboutir ou a changé ces patients : rien n'a été importé. Relancez l'import : les mouvements déjà appliqués seront comptés « déjà importés ».");
            }
        }
        var report = Report();
        who.Action = AuditAction.Write;
        who.Target = Truncate($"import-movements « {fileName} » : {applied} appliqué(s), {already} déjà importé(s), {created} créé(s), {updated} mis à jour", 400);
        who.UnitId = unitId;
        who.Status = 200;
        await trail.AppendAsync(who, cancel);
        return report;
    }

    private static void Apply(Patient patient, MovementLine line, Dictionary<string, DateOnly> latest)
    {
        // The prison's system holds the administrative identity: its spelling wins.
        patient.SetIdentity(line.LastName, line.FirstName, line.BirthName ?? patient.BirthName, line.BirthDate, line.Sex);
        // A movement older than one already applied (a late correction in the file), or than the arrival recorded by
        // hand, is journaled, but the roster keeps the state of the latest movement.
        var last = latest.TryGetValue(line.Ecrou, out var journaled) && journaled > patient.ArrivalDate ? journaled : patient.ArrivalDate;
        if (line.Date < last)
        {
            return;
        }
        latest[line.Ecrou] = line.Date;
        patient.MoveTo(PrisonMovement.StatusAfter(line.Kind));
        if (line.Kind is MovementKind.Arrival or MovementKind.TransferIn)
        {
            patient.SetStay(line.Date, patient.LegalStatus, line.ExpectedReleaseDate ?? patient.ExpectedReleaseDate);
            patient.PlaceIn(line.Cell ?? patient.Cell, patient.Wing);
        }
        else
        {
            patient.PlaceIn(null, patient.Wing);
        }
    }

    private static string Snapshot(Patient p) =>
        string.Join('|', p.LastName, p.FirstName, p.BirthName, p.BirthDate, p.Sex, p.Status, p.ArrivalDate, p.Cell, p.ExpectedReleaseDate);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
