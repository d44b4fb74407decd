using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Records;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages.Records;

/// <summary>One entry of one team's record, with the amendments that correct it (P17) — read scope checked (P30).</summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class EntryModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public ClinicalEntry Item { get; private set; } = null!;
    public ClinicalEntry? Original { get; private set; }
    public IReadOnlyList<ClinicalEntry> Amendments { get; private set; } = [];
    public PatientBanner Banner { get; private set; } = null!;
    public bool CanAmend { get; private set; }

    public async Task<IActionResult> OnGetAsync(Team team, Guid id)
    {
        var entry = await db.Entries(team).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == entry.PatientId);
        var scope = await RecordScopes.ForAsync(db, patient, team);
        var transferUnit = User.UnitIds().Contains(patient.UnitId) ? null : await TransferAccess.ReadingUnitAsync(db, User, patient);
        if (transferUnit is { } receiving)
        {
            // P13: read-only through the receiving unit, with the patient's agreement.
            scope = scope with { UnitId = receiving };
        }
        var emergency = false;
        if (!(await authorization.AuthorizeAsync(User, scope, ScopeRequirements.ReadRecord)).Succeeded)
        {
            emergency = User.Can(Permission.WriteConsultation)
                        && await BreakGlass.ActiveAsync(db, User, patient.Id, clock.GetUtcNow()) is not null;
            if (!emergency)
            {
                return Forbid();
            }
            HttpContext.Items[BreakGlass.ItemKey] = true;
        }
        Item = entry;
        Banner = await PatientBanner.LoadAsync(db, patient, Fr.Today(clock));
        Original = entry.AmendsId is { } originalId
            ? await db.Entries(team).AsNoTracking().FirstOrDefaultAsync(e => e.Id == originalId)
            : null;
        Amendments = await db.Entries(team).AsNoTracking()
            .Where(e => e.AmendsId == id && e.Status != EntryStatus.Abandoned)
            .OrderBy(e => e.CreatedAt).ToListAsync();
        CanAmend = transferUnit is null && !emergency && entry.IsSigned && AmendPermission(entry.Kind) is { } permission && User.Can(permission)
            && (await authorization.AuthorizeAsync(User, scope, ScopeRequirements.WriteRecord)).Succeeded;
        return Page();
    }

    public static Permission? AmendPermission(EntryKind kind) => kind switch
    {
        EntryKind.Consultation => Permission.WriteConsultation,
        EntryKind.NursingNote => Permission.WriteNursingNote,
        EntryKind.HungerStrikeCheck => Permission.FollowHungerStrike,
        EntryKind.MedicationAdministration => Permission.RecordMedicationAdministration,
        _ => null,
    };
}
