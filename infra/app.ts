// Infra entry point for the CDK CLI (see cdk.json): one stage per synth, chosen with `-c stage=<name>`.
import { buildApp } from './build-app.ts';

buildApp().app.synth();
