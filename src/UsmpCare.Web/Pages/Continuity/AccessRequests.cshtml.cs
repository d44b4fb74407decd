using UsmpCare.Domain;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Pages.Continuity;

/// <summary>P19: requests for the medical record, their legal deadlines (8 days / 2 months), overdue ones first.</summary>
[RequirePermission(Permission.ManageAccessRequests)]
public sealed class AccessRequestsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(RecordAccessRequest Request, string Patient, string Ecrou, bool Overdue);

    [BindProperty] public string? Ecrou { get; set; }
    [BindProperty] public AccessRequester Requester { get; set; }
    [BindProperty] public string? RequesterName { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }
    [BindProperty] public AccessLegalBasis? Basis { get; set; }
    [BindProperty] public bool OlderThanFiveYears { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public Guid RequestId { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ReceivedOn ??= Fr.Today(clock);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var ecrou = Patient.NormalizeEcrou(Ecrou ?? "");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unitId && p.Ecrou == ecrou);
        if (patient is null)
        {
            throw new DomainException($"Aucun patient de l'unité n'a l'écrou « {ecrou} ».");
        }
        if (ReceivedOn is null || ReceivedOn > Fr.Today(clock))
        {
            throw new DomainException("La date de réception est obligatoire et ne peut pas être dans le futur.");
        }
        var actor = Actor.Of(User);
        var request = new RecordAccessRequest(patient.Id, patient.UnitId, Requester, RequesterName ?? "",
            OlderThanFiveYears, ReceivedOn.Value, actor.Id, actor.Name, clock.GetUtcNow());
        db.RecordAccessRequests.Add(request);
        await db.SaveChangesAsync();
        Message = request.PatientDocumentLabel is { } paper
            ? $"Demande enregistrée ; le dossier ne sera remis qu'une fois joint le {paper} (P19)."
            : "Demande enregistrée.";
        return RedirectToPage();
    }

    /// <summary>P19: the scan of the patient's mandate, or of his request accompanying his physician's.</summary>
    public Task<IActionResult> OnPostDocumentAsync() => ChangeAsync((request, actor, now) =>
    {
        if (Scan is null)
        {
            throw new DomainException("Choisissez le fichier scanné du document signé par le patient.");
        }
        using var buffer = new MemoryStream();
        Scan.CopyTo(buffer);
        request.AttachPatientDocument(buffer.ToArray(), actor.Name, now);
        return $"{request.PatientDocumentLabel} joint à la demande.";
    });

    public Task<IActionResult> OnPostBasisAsync() => ChangeAsync((request, _, _) =>
    {
        request.RecordLegalBasis(Basis ?? throw new DomainException("Choisissez le fondement légal dans la liste."));
        return "Fondement légal enregistré.";
    });

    /// <summary>Handing the record over is a line of the disclosure ledger, written by the request itself (P19, P02).</summary>
    public Task<IActionResult> OnPostHandOverAsync() => ChangeAsync(async (request, actor, now) =>
    {
        var consents = new ConsentState(await db.ConsentEntries.AsNoTracking().Where(e => e.PatientId == request.PatientId).ToListAsync());
        db.Disclosures.Add(request.HandOver(consents, Fr.Today(clock), actor.Id, actor.Name, now));
        return "Remise du dossier enregistrée et consignée au registre des transmissions.";
    });

    public async Task<IActionResult> OnGetDocumentAsync(Guid requestId)
    {
        var unitId = await currentUnit.IdAsync();
        var request = await db.RecordAccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.UnitId == unitId);
        return request?.PatientDocument is { } content ? File(content, request.PatientDocumentType!) : NotFound();
    }

    private Task<IActionResult> ChangeAsync(Func<RecordAccessRequest, Actor, DateTimeOffset, string> change) =>
        ChangeAsync((r, a, n) => Task.FromResult(change(r, a, n)));

    private async Task<IActionResult> ChangeAsync(Func<RecordAccessRequest, Actor, DateTimeOffset, Task<string>> change)
    {
        var unitId = await currentUnit.IdAsync();
        var request = await db.RecordAccessRequests.FirstOrDefaultAsync(r => r.Id == RequestId && r.UnitId == unitId);
        if (request is null)
        {
            return NotFound();
        }
        Message = await change(request, Actor.Of(User), clock.GetUtcNow());
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var today = Fr.Today(clock);
        var rows = await db.RecordAccessRequests.AsNoTracking().Where(r => r.UnitId == unitId)
            .OrderBy(r => r.HandedOverOn != null).ThenBy(r => r.DueOn).Take(300)
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        Rows = [.. rows.Select(x => new Row(x.r, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou, x.r.IsOverdue(today)))];
    }
}
