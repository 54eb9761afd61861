using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Stayfull.Domain.Data;

/// <summary>SQLite: the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteStayfullDbContext(DbContextOptions<SqliteStayfullDbContext> options) : StayfullDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset text; instants are all UTC, so their binary form sorts in time order.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>SQL Server. Its migrations live in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerStayfullDbContext(DbContextOptions<SqlServerStayfullDbContext> options) : StayfullDbContext(options);

/// <summary>PostgreSQL. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresStayfullDbContext(DbContextOptions<PostgresStayfullDbContext> options) : StayfullDbContext(options);
