using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Records;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Patients;

/// <summary>The patient chart: banner, the records the user's team may read (P30), problems, treatments, timeline.</summary>
[RequirePermission(Permission.ViewPatientChart)]
[OpensPatient(PatientNeed.ViewChart, Route = "id")]
public sealed class ChartModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public sealed record Problem(string Code, string Label, DateTimeOffset Since, DateTimeOffset Last);

    public IReadOnlyList<Team> ReadableTeams => Opened.ReadableTeams;
    public Team? WritableTeam => Opened.WritableTeams.Cast<Team?>().FirstOrDefault();

    /// <summary>Opened by the unit that received the patient after a transfer, or under an emergency grant from outside
    /// his unit: nothing can be written here.</summary>
    public bool ReadOnlyTransfer => Opened.ReadOnly;

    /// <summary>The live emergency grant this chart is opened under, if any.</summary>
    public Auditing.BreakGlassGrant? Emergency => Opened.Emergency;
    public IReadOnlyList<ClinicalEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    /// <summary>The managed problem list's active problems (issue #21), of the records this reader may read (P30).</summary>
    public IReadOnlyList<Domain.Followup.Problem> ActiveProblems { get; private set; } = [];
    public IReadOnlyList<(PrescriptionLine Line, DateTimeOffset At)> Treatments { get; private set; } = [];

    /// <summary>« Traitement en cours » from the signed prescriptions of the records this reader may read (P30).</summary>
    public IReadOnlyList<Domain.Treatments.ActiveLine> Active { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Guid> AmendedBy { get; private set; } = new Dictionary<Guid, Guid>();

    public IReadOnlyList<Disclosure> Disclosures { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public EntryKind? Kind { get; set; }

    /// <summary>Entries per timeline page; older ones are one link away (keyset on occurred_at).</summary>
    public const int TimelinePage = 50;

    /// <summary>Shows the entries older than this instant (the last one of the previous page).</summary>
    [BindProperty(SupportsGet = true)] public DateTimeOffset? Before { get; set; }

    public string? OlderUrl { get; private set; }
    [BindProperty] public string? PaperLocation { get; set; }
    [TempData] public string? Message { get; set; }

    // P13: a receiving unit may read a transferred patient's original record, read-only, with his agreement;
    // ONC (d)(6): a physician under an emergency grant reads both records, read-only outside his unit.
    [OpensPatient(PatientNeed.ReadChart, Route = "id")]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var readable = ReadableTeams;
        // P02: the accounting of disclosures is part of the chart; P30: only the lines of the records this reader may read.
        Disclosures = await RecordScopes.LedgerReadableBy(Db, Db.Disclosures.AsNoTracking().Where(d => d.PatientId == id), readable)
            .OrderByDescending(d => d.At).Take(50).ToListAsync();

        // The timeline is paged by key (occurred_at), newest first: a patient with thousands of entries costs one page
        // of them, read backwards along (patient_id, occurred_at), not his whole history (issue #9).
        var entries = new List<ClinicalEntry>();
        var amendments = new List<(Guid Amends, Guid Id, DateTimeOffset? SignedAt)>();
        var consultations = new List<(Guid Id, DateTimeOffset At, List<Diagnosis> Diagnoses, List<PrescriptionLine> Prescriptions)>();
        foreach (var team in readable)
        {
            var query = Db.Entries(team).AsNoTracking().Where(ClinicalEntry.Shown).Where(e => e.PatientId == id);
            if (Kind is { } kind)
            {
                query = query.Where(e => e.Kind == kind);
            }
            if (Before is { } before)
            {
                query = query.Where(e => e.OccurredAt < before);
            }
            entries.AddRange(await query.OrderByDescending(e => e.OccurredAt).Take(TimelinePage + 1).ToListAsync());
            amendments.AddRange((await Db.Entries(team).AsNoTracking()
                    .Where(ClinicalEntry.Signed).Where(e => e.PatientId == id && e.AmendsId != null)
                    .Select(e => new { Amends = e.AmendsId!.Value, e.Id, e.SignedAt }).ToListAsync())
                .Select(a => (a.Amends, a.Id, a.SignedAt)));
            // Problems and treatments come from every signed consultation, projected to what they show.
            consultations.AddRange((await Db.Entries(team).AsNoTracking()
                    .Where(ClinicalEntry.Signed).Where(e => e.PatientId == id && e.Kind == EntryKind.Consultation)
                    .Select(e => new { e.Id, e.OccurredAt, e.Diagnoses, e.Prescriptions }).ToListAsync())
                .Select(c => (c.Id, c.OccurredAt, c.Diagnoses, c.Prescriptions)));
        }
        AmendedBy = amendments.GroupBy(a => a.Amends)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.SignedAt).Last().Id);
        var ordered = entries.OrderByDescending(e => e.OccurredAt).ToList();
        Timeline = [.. ordered.Take(TimelinePage)];
        OlderUrl = ordered.Count > TimelinePage
            ? Url.Page("/Patients/Chart", new { id, before = Timeline[^1].OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), kind = Kind })
            : null;

        // An amended consultation counts through its amendment only (P17).
        var current = consultations.Where(c => !AmendedBy.ContainsKey(c.Id)).ToList();
        Problems = [.. current.SelectMany(c => c.Diagnoses.Select(d => (d, c.At)))
            .GroupBy(x => x.d.Code)
            .Select(g => new Problem(g.Key, g.First().d.Label, g.Min(x => x.At), g.Max(x => x.At)))
            .OrderByDescending(p => p.Last)];
        Active = (await ActiveTreatments.ForPatientAsync(Db, id, readable, Fr.Today(Clock))).Visible;
        ActiveProblems = await UsmpCare.Web.Followup.FollowupLists.Readable(Db.Problems, Opened)
            .Where(p => p.Status == Domain.Followup.ProblemStatus.Active).OrderBy(p => p.Code).ToListAsync();
        var since = Clock.GetUtcNow().AddMonths(-3);
        Treatments = [.. current.Where(c => c.At >= since).OrderByDescending(c => c.At)
            .SelectMany(c => c.Prescriptions.Where(p => p.Kind == PrescriptionKind.Prescription).Select(p => (p, c.At)))];
        return Page();
    }

    /// <summary>P16: where the paper record of the user's team is kept.</summary>
    [OpensPatient(PatientNeed.WriteRecord, Route = "id")]
    public async Task<IActionResult> OnPostPaperAsync(Guid id)
    {
        var team = User.TeamOf()!.Value;
        var record = await Db.MedicalRecords.FindAsync(id, team);
        if (record is null)
        {
            record = new MedicalRecord(id, team, Clock.GetUtcNow());
            Db.MedicalRecords.Add(record);
        }
        record.KeepPaperRecordAt(PaperLocation);
        await Db.SaveChangesAsync();
        Message = record.PaperRecordLocation is null
            ? "Aucun dossier papier n'est plus signalé."
            : $"Dossier papier signalé : {record.PaperRecordLocation}.";
        return RedirectToPage(new { id });
    }
}
