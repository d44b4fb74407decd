using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BreakGlass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "break_glass_grants",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_break_glass_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_break_glass_grants_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_grants_patient_id",
                schema: "audit",
                table: "break_glass_grants",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_grants_patient_unit_id_granted_at",
                schema: "audit",
                table: "break_glass_grants",
                columns: new[] { "patient_unit_id", "granted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_grants_user_id_patient_id_expires_at",
                schema: "audit",
                table: "break_glass_grants",
                columns: new[] { "user_id", "patient_id", "expires_at" });
            migrationBuilder.Sql("""
                CREATE TRIGGER break_glass_grants_append_only BEFORE UPDATE OR DELETE ON audit.break_glass_grants
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "break_glass_grants",
                schema: "audit");
        }
    }
}
