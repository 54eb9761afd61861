using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Stayfull.Domain.Data;

// Used only by `dotnet ef migrations add`: each provider's context with a placeholder connection.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStayfullDbContext>
{
    public SqliteStayfullDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStayfullDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerStayfullDbContext>
{
    public SqlServerStayfullDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerStayfullDbContext>().UseSqlServer("Server=.;Database=Stayfull;Trusted_Connection=True").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStayfullDbContext>
{
    public PostgresStayfullDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStayfullDbContext>().UseNpgsql("Host=localhost;Database=stayfull").Options);
}
