using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Web.Jobs;
using Stayfull.Web.Startup;

namespace Stayfull.Web.Tests.ScaleOut;

/// <summary>A clustered schedule needs a database every instance shares: never the embedded SQLite file.</summary>
public sealed class ClusteredSchedulerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Sqlite")]
    public void AClusteredScheduleOnTheEmbeddedDatabaseIsRefusedAtStart(string? provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Clustered"] = "true",
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = "Data Source=stayfull.db",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddStayfullJobs(configuration, new InstanceIdentity("a")));

        Assert.Contains("SqlServer or Postgres", refused.Message, StringComparison.Ordinal);
    }
}
