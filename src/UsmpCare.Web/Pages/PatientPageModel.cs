using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages;

/// <summary>A page about one patient: it loads him for the banner only if the user may open his chart (unit scope).</summary>
public abstract class PatientPageModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock)
    : PageModel
{
    public PatientBanner Banner { get; private set; } = null!;

    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;

    /// <summary>Null when the patient exists and the user may open his chart; otherwise the 404 or 403 to return.</summary>
    protected async Task<IActionResult?> LoadPatientAsync(Guid patientId)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId);
        if (patient is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, patient, ScopeRequirements.ViewChart)).Succeeded)
        {
            return Forbid();
        }
        Banner = await PatientBanner.LoadAsync(db, patient, Fr.Today(clock));
        return null;
    }
}
