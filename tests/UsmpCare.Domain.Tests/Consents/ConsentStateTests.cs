using UsmpCare.Domain.Consents;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Consents;

public sealed class ConsentStateTests
{
    private static readonly Guid Patient = Guid.NewGuid();

    private static ConsentEntry Said(ConsentTopic topic, ConsentDecision decision, int hoursLater = 0, OutsideCategory? category = null) =>
        new(Patient, topic, decision, category, null, "Oralement", Author, "Dr Test", Monday.AddHours(hoursLater));

    [Theory]
    [InlineData(ConsentTopic.SpipInformation, new[] { ConsentDecision.Informed })]
    [InlineData(ConsentTopic.CourtOrderedCareInformation, new[] { ConsentDecision.Informed })]
    [InlineData(ConsentTopic.SpipObjection, new[] { ConsentDecision.Objected, ConsentDecision.ObjectionWithdrawn })]
    [InlineData(ConsentTopic.TeamSharing, new[] { ConsentDecision.Agreed, ConsentDecision.Refused })]
    [InlineData(ConsentTopic.MonEspaceSante, new[] { ConsentDecision.Agreed, ConsentDecision.Refused })]
    [InlineData(ConsentTopic.AbuseReport, new[] { ConsentDecision.Agreed, ConsentDecision.Refused })]
    public void Each_question_has_its_own_answers_and_refuses_the_others(ConsentTopic topic, ConsentDecision[] allowed)
    {
        ConsentEntry.Allowed(topic).Should().BeEquivalentTo(allowed);
        foreach (var decision in Enum.GetValues<ConsentDecision>().Except(allowed))
        {
            var record = () => Said(topic, decision);
            record.Should().Throw<DomainException>().WithMessage("*ne correspond pas*", decision.ToString());
        }
    }

    [Fact]
    public void An_entry_needs_how_the_patient_expressed_himself_and_an_outside_exchange_its_category()
    {
        var silent = () => new ConsentEntry(Patient, ConsentTopic.TeamSharing, ConsentDecision.Agreed, null, null, " ", Author, "Dr", Monday);
        var noCategory = () => Said(ConsentTopic.OutsideExchange, ConsentDecision.Agreed);

        silent.Should().Throw<DomainException>();
        noCategory.Should().Throw<DomainException>().WithMessage("*catégorie*");
        Said(ConsentTopic.TeamSharing, ConsentDecision.Agreed, category: OutsideCategory.Social).Category.Should().BeNull();
    }

    [Fact]
    public void The_latest_entry_of_a_topic_wins_whatever_the_order_the_history_is_read_in()
    {
        var agreed = Said(ConsentTopic.TeamSharing, ConsentDecision.Agreed, hoursLater: 2);
        var refusedBefore = Said(ConsentTopic.TeamSharing, ConsentDecision.Refused, hoursLater: 1);

        var state = new ConsentState([agreed, refusedBefore]);

        state.TeamsShare.Should().BeTrue();
        state.TeamSharingAgreement.Should().BeSameAs(agreed);
        state.History.Should().Equal(refusedBefore, agreed);

        var withdrawn = new ConsentState([agreed, refusedBefore, Said(ConsentTopic.TeamSharing, ConsentDecision.Refused, hoursLater: 3)]);
        withdrawn.TeamsShare.Should().BeFalse();
        withdrawn.TeamSharingAgreement.Should().BeNull();
    }

    [Fact]
    public void An_answer_to_one_topic_says_nothing_of_another()
    {
        var state = new ConsentState([Said(ConsentTopic.MonEspaceSante, ConsentDecision.Agreed)]);

        state.MonEspaceSante.Should().BeTrue();
        state.TeamsShare.Should().BeFalse();
        state.TransferredRecordReadable.Should().BeFalse();
        state.AbuseReportAgreement.Should().BeNull();
        state.DirectorInformationAgreement.Should().BeNull();
    }

    [Fact]
    public void An_outside_exchange_agreement_holds_for_its_category_only()
    {
        var health = Said(ConsentTopic.OutsideExchange, ConsentDecision.Agreed, 1, OutsideCategory.Health);
        var state = new ConsentState([health, Said(ConsentTopic.OutsideExchange, ConsentDecision.Refused, 2, OutsideCategory.Social)]);

        state.ExchangeAgreement(OutsideCategory.Health).Should().BeSameAs(health);
        state.ExchangeAgreement(OutsideCategory.Social).Should().BeNull();
        state.ExchangeAgreement(OutsideCategory.MedicoSocial).Should().BeNull();
    }

    [Fact]
    public void A_refusal_after_an_agreement_withdraws_it_for_every_gate()
    {
        var state = new ConsentState(
        [
            Said(ConsentTopic.MonEspaceSante, ConsentDecision.Agreed), Said(ConsentTopic.MonEspaceSante, ConsentDecision.Refused, 1),
            Said(ConsentTopic.AbuseReport, ConsentDecision.Agreed), Said(ConsentTopic.AbuseReport, ConsentDecision.Refused, 1),
            Said(ConsentTopic.DirectorInformation, ConsentDecision.Agreed), Said(ConsentTopic.DirectorInformation, ConsentDecision.Refused, 1),
            Said(ConsentTopic.TransferredRecordAccess, ConsentDecision.Agreed), Said(ConsentTopic.TransferredRecordAccess, ConsentDecision.Refused, 1),
        ]);

        state.MonEspaceSanteAgreement.Should().BeNull();
        state.AbuseReportAgreement.Should().BeNull();
        state.DirectorInformationAgreement.Should().BeNull();
        state.TransferredRecordReadable.Should().BeFalse();
    }

    [Fact]
    public void Nothing_goes_to_spip_before_the_patient_is_informed_of_his_right_to_object()
    {
        // P03
        new ConsentState([]).WhySpipShareIsRefused().Should().Contain("pas encore été informé");
        new ConsentState([Said(ConsentTopic.SpipInformation, ConsentDecision.Informed)]).WhySpipShareIsRefused().Should().BeNull();
    }

    [Fact]
    public void An_objection_blocks_spip_from_the_moment_it_is_recorded_until_withdrawn()
    {
        // P03: the objection wins even over the information; withdrawing it is a new entry, the old one stays.
        var informed = Said(ConsentTopic.SpipInformation, ConsentDecision.Informed);
        var objected = new ConsentState([informed, Said(ConsentTopic.SpipObjection, ConsentDecision.Objected, 1)]);
        var objectedUninformed = new ConsentState([Said(ConsentTopic.SpipObjection, ConsentDecision.Objected)]);
        var withdrawn = new ConsentState([informed, Said(ConsentTopic.SpipObjection, ConsentDecision.Objected, 1),
            Said(ConsentTopic.SpipObjection, ConsentDecision.ObjectionWithdrawn, 2)]);

        objected.ObjectsToSpip.Should().BeTrue();
        objected.WhySpipShareIsRefused().Should().Contain("opposé");
        objectedUninformed.WhySpipShareIsRefused().Should().Contain("opposé");
        withdrawn.ObjectsToSpip.Should().BeFalse();
        withdrawn.WhySpipShareIsRefused().Should().BeNull();
        withdrawn.History.Should().HaveCount(3);
    }
}
