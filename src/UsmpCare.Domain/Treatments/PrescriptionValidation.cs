using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Treatments;

/// <summary>The pharmacist's word on a prescription.</summary>
public enum ValidationVerdict
{
    Validated,
    /// <summary>An « avis pharmaceutique »: a remark to the prescriber (dose, interaction, form).</summary>
    Remark,
}

/// <summary>
/// The pharmaceutical validation of a signed prescription by the hospital pharmacy (art. R.4235-48 CSP: analysis of the
/// prescription before dispensing): validated or a remark, by whom, when. Append-only: a second word is a new row, the
/// latest one counts.
/// </summary>
public sealed class PrescriptionValidation : IUnitScoped
{
    public const int RemarkMaxLength = 1000;

    private PrescriptionValidation()
    {
        PharmacistName = "";
    }

    public Guid Id { get; private set; }
    public Guid PrescriptionId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public ValidationVerdict Verdict { get; private set; }
    public string? Remark { get; private set; }
    public Guid PharmacistId { get; private set; }
    public string PharmacistName { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Only a signed prescription still in force is validated; a remark says what it is about.</summary>
    public static PrescriptionValidation Of(Prescription prescription, bool superseded, ValidationVerdict verdict, string? remark,
        Guid pharmacistId, string pharmacistName, DateTimeOffset at)
    {
        if (!prescription.IsSigned || prescription.Change == PrescriptionChange.Stop || superseded)
        {
            throw new DomainException("Seule une ordonnance signée et en cours se valide.");
        }
        if (!Enum.IsDefined(verdict))
        {
            throw new DomainException("Choisissez « validée » ou « remarque ».");
        }
        var text = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        if (verdict == ValidationVerdict.Remark && text is null)
        {
            throw new DomainException("Écrivez la remarque adressée au prescripteur.");
        }
        if (text?.Length > RemarkMaxLength)
        {
            throw new DomainException($"La remarque ne dépasse pas {RemarkMaxLength} caractères.");
        }
        return new PrescriptionValidation
        {
            Id = Guid.NewGuid(), PrescriptionId = prescription.Id, PatientId = prescription.PatientId, UnitId = prescription.UnitId,
            Verdict = verdict, Remark = text, PharmacistId = pharmacistId, PharmacistName = pharmacistName, At = at,
        };
    }

    public static string Label(ValidationVerdict verdict) => verdict == ValidationVerdict.Validated ? "Validée" : "Remarque";
}
