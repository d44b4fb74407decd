using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages.Continuity;

/// <summary>P19: requests for the medical record, their legal deadlines (8 days / 2 months), overdue ones first.</summary>
[RequirePermission(Permission.ManageAccessRequests)]
public sealed class AccessRequestsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(RecordAccessRequest Request, string Patient, string Ecrou, bool Overdue);

    [BindProperty] public string? Ecrou { get; set; }
    [BindProperty] public AccessRequester Requester { get; set; }
    [BindProperty] public string? RequesterName { get; set; }
    [BindProperty] public bool MandateRecorded { get; set; }
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
        db.RecordAccessRequests.Add(new RecordAccessRequest(patient.Id, patient.UnitId, Requester, RequesterName ?? "",
            MandateRecorded, OlderThanFiveYears, ReceivedOn.Value, actor.Id, actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        Message = "Demande enregistrée.";
        return RedirectToPage();
    }

    /// <summary>Handing the record over is a disclosure (P19, P02).</summary>
    public async Task<IActionResult> OnPostHandOverAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var request = await db.RecordAccessRequests.FirstOrDefaultAsync(r => r.Id == RequestId && r.UnitId == unitId);
        if (request is null)
        {
            return NotFound();
        }
        var actor = Actor.Of(User);
        var now = clock.GetUtcNow();
        request.HandOver(Fr.Today(clock), actor.Name);
        db.Disclosures.Add(new Disclosure(request.PatientId, request.UnitId, request.Requester switch
            {
                AccessRequester.Patient => RecipientCategory.Patient,
                AccessRequester.Lawyer => RecipientCategory.Lawyer,
                AccessRequester.DesignatedPhysician => RecipientCategory.DesignatedPhysician,
                _ => RecipientCategory.OutsideProfessional,
            }, request.RequesterName, "Copie du dossier médical", "Accès au dossier médical, art. L.1111-7 CSP (P19)", null,
            request.Requester == AccessRequester.MandatedThirdParty ? "Mandat signé du patient" : "Demande du patient ou à sa demande",
            actor.Id, actor.Name, now));
        await db.SaveChangesAsync();
        Message = "Remise du dossier enregistrée et consignée au registre des transmissions.";
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
        Rows = [.. rows.Select(x => new Row(x.r, x.LastName.ToUpperInvariant() + " " + x.FirstName, x.Ecrou, x.r.IsOverdue(today)))];
    }
}
