using UsmpCare.Domain;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.CareRequests;

/// <summary>One care request: triage, appointment, the consultation that answered it, closing, reconciling, the scan.
/// Every status change goes to its history with who and when.</summary>
[RequirePermission(Permission.HandleCareRequests)]
public sealed class RequestModel(AppDbContext db, PatientAccess access, TimeProvider clock) : PageModel
{
    public CareRequest Item { get; private set; } = null!;
    public Patient? Patient { get; private set; }
    public IReadOnlyList<CareRequestEvent> History { get; private set; } = [];
    public IReadOnlyList<ClinicalEntry> Consultations { get; private set; } = [];

    [BindProperty] public Urgency Urgency { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateTime? AppointmentAt { get; set; }
    [BindProperty] public Guid? ConsultationId { get; set; }
    [BindProperty] public CloseReason? Reason { get; set; }
    [BindProperty] public string? Ecrou { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }

    /// <summary>The version the user saw: two people triaging or closing the same request get a conflict.</summary>
    [BindProperty] public uint? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostTriageAsync(Guid id) => ActAsync(id, (r, who, now) =>
    {
        r.Triage(Urgency, Note, who.Id, who.Name, now);
        return "Demande triée.";
    });

    public Task<IActionResult> OnPostAppointmentAsync(Guid id) => ActAsync(id, (r, who, now) =>
    {
        if (AppointmentAt is null)
        {
            throw new DomainException("Indiquez la date et l'heure du rendez-vous.");
        }
        r.SetAppointment(Fr.FromLocal(AppointmentAt.Value), who.Id, who.Name, now);
        return $"Rendez-vous fixé le {Fr.DateTime(Fr.FromLocal(AppointmentAt.Value))}.";
    });

    public Task<IActionResult> OnPostLinkAsync(Guid id) => ActAsync(id, (r, who, now) =>
    {
        var consultation = Consultations.FirstOrDefault(c => c.Id == ConsultationId)
            ?? throw new DomainException("Choisissez une consultation signée de ce patient.");
        r.AnsweredBy(consultation.Id, consultation.OccurredAt, who.Id, who.Name, now);
        return "Demande rattachée à la consultation.";
    });

    public Task<IActionResult> OnPostCloseAsync(Guid id) => ActAsync(id, (r, who, now) =>
    {
        r.Close(Reason ?? throw new DomainException("Choisissez le motif de clôture."), Note, who.Id, who.Name, now);
        return "Demande close.";
    });

    public Task<IActionResult> OnPostReconcileAsync(Guid id) => ActAsync(id, (r, who, now) =>
    {
        var ecrou = Domain.Patients.Patient.NormalizeEcrou(Ecrou ?? "");
        var patient = db.Patients.AsNoTracking().FirstOrDefault(p => p.UnitId == r.UnitId && p.Ecrou == ecrou)
            ?? throw new DomainException($"Aucun patient de l'unité n'a l'écrou « {ecrou} ».");
        r.Reconcile(patient.Id, who.Id, who.Name, now);
        return $"Billet rapproché de {patient.FullName}.";
    });

    public Task<IActionResult> OnPostScanAsync(Guid id) => ActAsync(id, (r, who, now) =>
    {
        if (Scan is null)
        {
            throw new DomainException("Choisissez le fichier du billet scanné.");
        }
        if (Scan.Length > CareRequestScan.MaxBytes)
        {
            throw new DomainException("Le fichier dépasse 5 Mo : réduisez la résolution du scan.");
        }
        using var buffer = new MemoryStream();
        Scan.CopyTo(buffer);
        db.CareRequestScans.Add(new CareRequestScan(r.Id, Scan.FileName, buffer.ToArray(), who.Id, now));
        return "Scan du billet joint.";
    });

    /// <summary>The scan, served only to the team the request is addressed to; never inline from another origin.</summary>
    public async Task<IActionResult> OnGetScanAsync(Guid id, Guid scanId)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var scan = await db.CareRequestScans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scanId && s.RequestId == id);
        return scan is null ? NotFound() : File(scan.Content, scan.ContentType, scan.FileName);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<CareRequest, (Guid Id, string Name), DateTimeOffset, string> action)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var tracked = await db.CareRequests.Include(r => r.Events).SingleAsync(r => r.Id == id);
        if (Version is { } seen)
        {
            db.Entry(tracked).Property(r => r.Version).OriginalValue = seen;
        }
        try
        {
            var actor = Actor.Of(User);
            Message = action(tracked, (actor.Id, actor.Name), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Cette demande vient d'être modifiée par quelqu'un d'autre : rechargez la page.");
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        // P30: a psychiatric request is read by the psychiatric team only, and every request only in its unit.
        var opening = await access.OpenCareRequestAsync(id);
        if (opening.Refusal is { } refused)
        {
            return refused;
        }
        var request = Item = opening.CareRequest!;
        Urgency = request.Urgency;
        Patient = opening.Opened?.Patient;
        History = await db.CareRequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ToListAsync();
        ScanList = await db.CareRequestScans.AsNoTracking().Where(s => s.RequestId == id)
            .Select(s => new ScanInfo(s.Id, s.FileName, s.ContentType, s.UploadedAt)).ToListAsync();
        if (request.PatientId is { } patientId)
        {
            Consultations = await db.Entries(request.RecordTeam).AsNoTracking()
                .Where(ClinicalEntry.Signed).Where(e => e.PatientId == patientId && e.Kind == EntryKind.Consultation
                            && e.OccurredAt >= request.CollectedAt)
                .OrderByDescending(e => e.OccurredAt).Take(10).ToListAsync();
        }
        return null;
    }

    public sealed record ScanInfo(Guid Id, string FileName, string ContentType, DateTimeOffset UploadedAt);

    public IReadOnlyList<ScanInfo> ScanList { get; private set; } = [];
}
