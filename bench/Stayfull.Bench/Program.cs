using Stayfull.Bench.Webhooks;

if (args.Length > 0 && args[0] == "webhooks")
{
    return await WebhookIntakeRunner.RunAsync(args[1..]);
}

Console.WriteLine("Hello, World!");
return 0;
