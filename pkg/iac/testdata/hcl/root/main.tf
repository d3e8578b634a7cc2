# Our own fixture for the Terraform source reader.
variable "launch" {
  default = "FARGATE"
}

variable "web_count" {
  default = 3
}

variable "maybe" {
  type = bool
}

locals {
  package = local.kind
  kind    = "Image"
}

resource "aws_ecs_service" "svc" {
  launch_type = var.launch
}

resource "aws_ecs_service" "spot" {
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  dynamic "load_balancer" {
    for_each = var.lbs
    content {
      target_group_arn = load_balancer.value
    }
  }
}

resource "aws_lambda_function" "fn" {
  package_type  = local.package
  function_name = "${var.launch}-fn"
  role          = aws_iam_role.unquoted.arn
}

resource "aws_instance" "web" {
  count = var.web_count
}

resource "aws_instance" "maybe" {
  count = var.maybe ? 1 : 0
}

resource "aws_instance" "never" {
  count = 0
}

resource "aws_sqs_queue" "each" {
  for_each = { a = 1, b = 2 }
}

resource aws_iam_role "unquoted" {
  name = "r"
}

data "aws_ami" "ubuntu" {
  most_recent = true
}

module "site" {
  source = "./modules/bucket"
  count  = 2
  name   = var.launch
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.2"
}
