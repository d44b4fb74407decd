using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Agenda;

/// <summary>The coordinator keeps the unit's rooms: a blank or repeated name is refused in French, a retired room is no longer offered.</summary>
public sealed class RoomsTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_coordinator_adds_and_retires_a_room_and_bad_names_are_refused()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var name = "Salle " + Unique.Ecrou('R');
        (await coordinator.PostFormAsync("/Agenda/Rooms", new Dictionary<string, string> { ["Name"] = name })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var blank = await coordinator.PostFormAsync("/Agenda/Rooms", new Dictionary<string, string> { ["Name"] = "  " });
        (await blank.TextAsync()).Should().Contain("Donnez un nom à la salle");
        var twice = await coordinator.PostFormAsync("/Agenda/Rooms", new Dictionary<string, string> { ["Name"] = name });
        twice.StatusCode.Should().Be(HttpStatusCode.OK);
        (await twice.TextAsync()).Should().Contain($"L'unité a déjà une salle « {name} »");
        (await app.WithDbAsync(db => db.Rooms.CountAsync(r => r.Name == name))).Should().Be(1);

        var id = await app.WithDbAsync(db => db.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
        (await (await app.LoginAsAsync(DemoData.Account(Role.Secretary))).GetDocumentAsync("/Agenda/Book"))
            .QuerySelector("#Input_RoomId")!.TextContent.Should().Contain(name);
        (await coordinator.PostFormAsync("/Agenda/Rooms?handler=Retire", new Dictionary<string, string> { ["RoomId"] = id.ToString() }, "/Agenda/Rooms"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.GetDocumentAsync("/Agenda/Book")).QuerySelector("#Input_RoomId")!.TextContent.Should().NotContain(name);
        (await coordinator.GetDocumentAsync("/Agenda/Rooms")).QuerySelector("#rooms")!.TextContent.Should().Contain("Retirée");

        (await (await app.LoginAsAsync(DemoData.Account(Role.Secretary))).GetAsync("/Agenda/Rooms")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied", "the coordinator keeps the list");
    }
}
