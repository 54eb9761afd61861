using Stayfull.Domain;
using Stayfull.Integrations;
using Stayfull.Web;
using Stayfull.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddStayfullDomain(builder.Configuration);
builder.Services.AddStayfullIntegrations(builder.Configuration);
builder.AddStayfullWeb();

var app = builder.Build();

app.UseStayfullPipeline();
app.MapStayfullEndpoints();

await app.InitializeStayfullAsync();
await app.RunAsync();

/// <summary>Entry point, public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
