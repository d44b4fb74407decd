using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Documents;

/// <summary>
/// Who a document is about, as every letter prints it under its date. P36: a document issued for a minor says so,
/// so that whoever receives it knows the holders of parental authority have their part (art. L.1111-2 and L.1111-5 CSP).
/// </summary>
public static class DocumentIdentity
{
    public static string Of(Patient patient, DateOnly today, bool withEcrou = true) =>
        $"{patient.FullName}, né(e) le {Fr.Date(patient.BirthDate)}"
        + (withEcrou ? $", écrou {patient.Ecrou}" : "")
        + (patient.IsMinorOn(today) ? " — patient mineur" : "");
}
