using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuardGroundsAndStrikeRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "guard_ground",
                schema: "somatic",
                table: "entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guard_ground",
                schema: "psychiatric",
                table: "entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hunger_strike_events",
                schema: "somatic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hunger_strike_id = table.Column<Guid>(type: "uuid", nullable: false),
                    act = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hunger_strike_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_hunger_strike_events_hunger_strikes_hunger_strike_id",
                        column: x => x.hunger_strike_id,
                        principalSchema: "somatic",
                        principalTable: "hunger_strikes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hunger_strike_events_hunger_strike_id",
                schema: "somatic",
                table: "hunger_strike_events",
                column: "hunger_strike_id");

            // P35, P17: a refusal or a measure of a hunger strike, once recorded, is never changed nor deleted.
            migrationBuilder.Sql("""
                CREATE TRIGGER hunger_strike_events_append_only BEFORE UPDATE OR DELETE ON somatic.hunger_strike_events
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hunger_strike_events",
                schema: "somatic");

            migrationBuilder.DropColumn(
                name: "guard_ground",
                schema: "somatic",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "guard_ground",
                schema: "psychiatric",
                table: "entries");
        }
    }
}
