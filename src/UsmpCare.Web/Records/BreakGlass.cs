using System.Security.Claims;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Records;

/// <summary>Whether the user holds a live emergency grant on this patient (ONC (d)(6)).</summary>
public static class BreakGlass
{
    public static async Task<BreakGlassGrant?> ActiveAsync(AppDbContext db, ClaimsPrincipal user, Guid patientId, DateTimeOffset now)
    {
        var userId = user.UserId();
        return await db.Set<BreakGlassGrant>().AsNoTracking()
            .Where(g => g.UserId == userId && g.PatientId == patientId && g.ExpiresAt > now)
            .OrderByDescending(g => g.ExpiresAt).FirstOrDefaultAsync();
    }
}
