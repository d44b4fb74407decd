using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Records;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages.Records;

/// <summary>
/// P17: a signed entry is corrected by an amendment linked to it. A consultation's amendment opens as a draft in the
/// consultation editor; a nurse's note or round is amended and signed here at once.
/// </summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class AmendModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public ClinicalEntry Original { get; private set; } = null!;
    public PatientBanner Banner { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Team team, Guid id)
    {
        var refused = await LoadAsync(team, id);
        if (refused is not null)
        {
            return refused;
        }
        Note = Original.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Team team, Guid id)
    {
        var refused = await LoadAsync(team, id);
        if (refused is not null)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        var userId = User.UserId()!.Value;
        var name = User.FindFirst(UsmpClaims.DisplayName)?.Value ?? "";
        var amendment = Original.Amend(Reason ?? "", userId, name, now);
        if (Original.Kind != EntryKind.Consultation)
        {
            amendment.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
            amendment.Sign(userId, name, now, signerHasTreatedPatient: false);
        }
        db.Add(amendment);
        await db.SaveChangesAsync();
        return amendment.Kind == EntryKind.Consultation
            ? Redirect($"/Records/Consultation/{amendment.Id}")
            : Redirect($"/Records/Entry/{team}/{Original.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Team team, Guid id)
    {
        var entry = await db.Entries(team).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == entry.PatientId);
        if (EntryModel.AmendPermission(entry.Kind) is not { } permission || !User.Can(permission)
            || !(await authorization.AuthorizeAsync(User, await RecordScopes.ForAsync(db, patient, team), ScopeRequirements.WriteRecord)).Succeeded)
        {
            return Forbid();
        }
        Original = entry;
        Banner = await PatientBanner.LoadAsync(db, patient, Fr.Today(clock));
        return null;
    }
}
