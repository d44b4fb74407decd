using UsmpCare.Domain.Patients;

namespace UsmpCare.Domain.Consents;

/// <summary>
/// P36: what the signature of an act needs to know of the patient's minority — whether he is a minor on the day of the
/// act (until the day of his 18th birthday), and what lets him be cared for: the agreement of a holder of parental
/// authority, or his objection to their being consulted, with the adult who accompanies him (art. L.1111-5 CSP).
/// </summary>
public sealed record MinorCare(bool IsMinor, ConsentEntry? Basis)
{
    /// <summary>An adult patient: his own consent is enough (P08).</summary>
    public static readonly MinorCare Adult = new(false, null);

    public static MinorCare Of(Patient patient, DateOnly dayOfAct, ConsentState consents) =>
        new(patient.IsMinorOn(dayOfAct), consents.MinorCareBasis);
}
