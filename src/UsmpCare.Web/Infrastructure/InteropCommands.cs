using UsmpCare.Domain.Patients;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Interop;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// The operator's side of issue #11: the same import and export as the pages, with no signed-in user. The operator is
/// named in the ledger and the audit trail (« --by », else the system account), never a blank.
/// </summary>
public static class InteropCommands
{
    public static async Task<int> ImportMovementsAsync(IServiceProvider services, Options options, TextWriter output, TextWriter error)
    {
        var path = options.Single("le fichier à importer");
        var unitCode = options.Required("--unit", "le code de l'unité");
        if (!File.Exists(path))
        {
            throw new IOException($"Fichier introuvable : {path}");
        }
        var db = services.GetRequiredService<AppDbContext>();
        var unit = await UnitAsync(db, unitCode);
        var clock = services.GetRequiredService<TimeProvider>();
        var report = await MovementImport.RunAsync(db, services.GetRequiredService<AuditTrail>(), unit.Id, Path.GetFileName(path),
            await File.ReadAllBytesAsync(path), OperatorEvent(options.Operator), options.Operator, clock.GetUtcNow());
        foreach (var line in report.Describe())
        {
            await (report.Written ? output : error).WriteLineAsync(line);
        }
        await output.WriteLineAsync($"Durée : {report.Elapsed.TotalSeconds:0.0} s.");
        return report.Written ? Commands.Ok : Commands.Failure;
    }

    /// <summary>
    /// Decision (docs/interop.md): outside the app, a summary may only go to « Mon espace santé », with the patient's
    /// recorded agreement (P20); it is written to the ledger (P02) and the audit trail like an export from a page. There
    /// is no « next physician » export here: that one is handed to the patient at release, from the release page.
    /// </summary>
    public static async Task<int> ExportFhirAsync(IServiceProvider services, Options options, TextWriter output)
    {
        var ecrou = Patient.NormalizeEcrou(options.Single("le numéro d'écrou du patient"));
        var unitCode = options.Required("--unit", "le code de l'unité");
        var path = options.Required("--out", "le fichier JSON à écrire");
        var db = services.GetRequiredService<AppDbContext>();
        var unit = await UnitAsync(db, unitCode);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.Ecrou == ecrou)
                      ?? throw new InvalidOperationException($"Aucun patient d'écrou {ecrou} dans l'unité {unit.Code}.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // The operator reads no record: both teams are offered, the consent rules of FhirExport decide what leaves.
        var result = await FhirExport.ExportAsync(db, patient, FhirPurpose.MonEspaceSante, RecordScopesTeams, Guid.Empty,
            options.Operator, now);
        // The ledger first: a summary written to disk but not recorded would have left unaccounted (P02).
        await db.SaveChangesAsync();
        await File.WriteAllTextAsync(path, result.Json);
        var audit = OperatorEvent(options.Operator);
        audit.Action = AuditAction.Read;
        audit.Target = $"export-fhir « Mon espace santé » (registre des transmissions {result.Disclosure.Id})";
        audit.PatientId = patient.Id;
        audit.UnitId = unit.Id;
        audit.Status = 200;
        await services.GetRequiredService<AuditTrail>().AppendAsync(audit);
        await output.WriteLineAsync($"Résumé FHIR écrit dans {path} et consigné au registre des transmissions" +
                                    (result.PsychiatricIncluded ? "." : " (sans le suivi psychiatrique : pas d'accord au partage, P30)."));
        return Commands.Ok;
    }

    private static readonly Team[] RecordScopesTeams = [Team.Somatic, Team.Psychiatric];

    private static async Task<Domain.Units.Unit> UnitAsync(AppDbContext db, string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == normalized)
               ?? throw new InvalidOperationException($"Unité inconnue : {normalized}.");
    }

    private static AuditEvent OperatorEvent(string name) => new() { UserName = name, Roles = "ligne de commande" };
}
