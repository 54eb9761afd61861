using Microsoft.Data.SqlClient;
using Npgsql;
using Quartz;
using Stayfull.Domain.Data;

namespace Stayfull.Web.Jobs;

/// <summary>
/// <c>Scheduler:Clustered=true</c>: the schedule lives in the shared database, every instance takes part in one
/// cluster, and each due trigger is claimed by one instance under the store's database lock. SQL Server and
/// PostgreSQL only: an embedded SQLite file cannot be shared between instances.
/// </summary>
internal static class ClusteredJobStore
{
    public static void UseStayfullClusteredStore(this IQuartzBuilder quartz, IConfiguration configuration, SchedulerSettings settings)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider is not (DatabaseProvider.Postgres or DatabaseProvider.SqlServer))
        {
            throw new InvalidOperationException(
                $"Scheduler:Clustered needs Database:Provider SqlServer or Postgres (it is {database.Provider}): the schedule must be in a database every instance shares.");
        }

        if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            throw new InvalidOperationException("Scheduler:Clustered needs Database:ConnectionString.");
        }

        quartz.UsePersistentStore(store =>
        {
            store.UseClustering(c =>
            {
                c.CheckinInterval = settings.CheckinInterval;
                c.CheckinMisfireThreshold = settings.CheckinInterval * 2;
            });
            if (database.Provider == DatabaseProvider.Postgres)
            {
                store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
            }
            else
            {
                store.UseSqlServer(SqlClientFactory.Instance, database.ConnectionString);
            }

            if (settings.ProvisionSchema)
            {
                // Creates only what is missing; instances starting together find the tables whichever created them.
                store.ProvisionSchema();
            }
        });
    }
}
