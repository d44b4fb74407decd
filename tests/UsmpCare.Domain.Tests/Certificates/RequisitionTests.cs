using UsmpCare.Domain.Certificates;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Certificates;

public sealed class RequisitionTests
{
    private static Requisition Requisition(bool hasTreated, string authority = " Parquet de Créteil ", string what = " Examen de compatibilité ") =>
        new(Guid.NewGuid(), Guid.NewGuid(), authority, new DateOnly(2026, 11, 23), Guid.NewGuid(), "Dr Traitant", what,
            hasTreated, [0x25, 0x50, 0x44, 0x46], Author, "Secrétariat", Monday);

    [Fact]
    public void The_treating_physician_is_blocked_from_his_own_patients_expertise_and_gets_the_refusal_letter()
    {
        // P26, art. R.4127-105 CSP: no cumulation of expert and treating physician.
        var requisition = Requisition(hasTreated: true);

        requisition.Blocked.Should().BeTrue();
        requisition.RefusalLetter.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void A_physician_who_never_treated_the_patient_may_answer_and_no_refusal_letter_is_kept()
    {
        var requisition = Requisition(hasTreated: false);

        requisition.Blocked.Should().BeFalse();
        requisition.RefusalLetter.Should().BeNull();
        requisition.Authority.Should().Be("Parquet de Créteil");
    }

    [Theory]
    [InlineData(" ", "Examen")]
    [InlineData("Parquet", " ")]
    public void A_requisition_names_its_authority_and_what_it_asks(string authority, string what)
    {
        var record = () => Requisition(false, authority, what);

        record.Should().Throw<DomainException>();
    }
}
