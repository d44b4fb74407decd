using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DrugReferential : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "treatments");

            migrationBuilder.CreateTable(
                name: "drugs",
                schema: "treatments",
                columns: table => new
                {
                    cis = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    form = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    routes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    authorization_status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    marketing_status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    presentations = table.Column<string>(type: "jsonb", nullable: true),
                    substances = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drugs", x => x.cis);
                });

            migrationBuilder.CreateIndex(
                name: "ix_drugs_search_text",
                schema: "treatments",
                table: "drugs",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drugs",
                schema: "treatments");
        }
    }
}
