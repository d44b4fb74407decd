using System.Security.Claims;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Records;

/// <summary>
/// P13: after a transfer inside the deployment the record stays with the sending unit. A member of the receiving unit
/// reads it — read-only, his own team's record — only while the patient agrees (consent registry).
/// </summary>
public static class TransferAccess
{
    /// <summary>The receiving unit through which the user may read this (sending unit's) patient, or null.</summary>
    public static async Task<Guid?> ReadingUnitAsync(AppDbContext db, ClaimsPrincipal user, Patient patient, ConsentState consents)
    {
        var units = user.UnitIds().ToList();
        var receivingUnit = await db.TransferPacks.AsNoTracking()
            .Where(t => t.PatientId == patient.Id && t.ToUnitId != null && units.Contains(t.ToUnitId.Value))
            .Select(t => t.ToUnitId).FirstOrDefaultAsync();
        if (receivingUnit is null)
        {
            return null;
        }
        return consents.TransferredRecordReadable ? receivingUnit : null;
    }
}
